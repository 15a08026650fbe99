package main

import (
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/articlelint/articlelint/internal/onlinetest"
	"github.com/rogpeppe/go-internal/testscript"
)

// emulators are the running emulators of each script, for
// sources-requests.
var emulators sync.Map // *testscript.TestScript -> *onlinetest.Server

// serveSources is the script command
//
//	serve-sources DIR [FILE...]
//
// It starts a loopback emulator of doi.org, Crossref and Europe PMC
// answering from the fixtures in DIR (internal/onlinetest), for the rest
// of the script, and writes its URL for every SOURCES_URL in each FILE (a
// config's online: section).
func serveSources(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: serve-sources DIR [FILE...]")
	}
	fx, err := onlinetest.Load(ts.MkAbs(args[0]))
	ts.Check(err)
	srv := onlinetest.Start(fx)
	ts.Defer(func() {
		srv.Close()
		emulators.Delete(ts)
	})
	emulators.Store(ts, srv)
	for _, f := range args[1:] {
		b, err := os.ReadFile(ts.MkAbs(f))
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(f), []byte(strings.ReplaceAll(string(b), "SOURCES_URL", srv.URL)), 0o644))
	}
}

// sourceRequests is the script command
//
//	sources-requests N
//
// It fails unless the emulator has answered N requests in all.
func sourceRequests(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sources-requests N")
	}
	want, err := strconv.ParseInt(args[0], 10, 64)
	ts.Check(err)
	v, ok := emulators.Load(ts)
	if !ok {
		ts.Fatalf("sources-requests: no serve-sources before it")
	}
	if got := v.(*onlinetest.Server).Requests(); got != want {
		ts.Fatalf("the emulator answered %d requests, want %d", got, want)
	}
}
