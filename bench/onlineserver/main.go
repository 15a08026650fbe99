// Command onlineserver stands in for the web in bench/online.sh: it listens
// on one 127.0.0.1 port per virtual host and answers every page after a fixed
// latency, counting requests and the most in flight at once per host.
//
// It prints one base URL per host on stdout, then serves until killed or
// until -lifetime has passed, so a forgotten server never runs on.
//
// With -sources DIR it also emulates doi.org, Crossref and Europe PMC
// (internal/onlinetest) from the fixtures in DIR, on a port of its own
// (-addr, a free one by default) whose URL it prints first: point
// online.doi-resolver, crossref-api, datacite-api and europepmc-api at
// it. Its /__stats counts its requests; -log prints each one on stderr.
//
//	GET /__stats   {"requests":N,"get":N,"head":N,"max_in_flight":N} for this host
//	GET /__reset   zeroes the counters
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/articlelint/articlelint/internal/onlinetest"
)

type host struct {
	mu                    sync.Mutex
	requests, get, head   int
	inFlight, maxInFlight int
}

func (h *host) ServeHTTP(w http.ResponseWriter, r *http.Request, latency time.Duration) {
	switch r.URL.Path {
	case "/__stats":
		h.mu.Lock()
		defer h.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]int{"requests": h.requests, "get": h.get, "head": h.head, "max_in_flight": h.maxInFlight})
		return
	case "/__reset":
		h.mu.Lock()
		h.requests, h.get, h.head, h.maxInFlight = 0, 0, 0, 0
		h.mu.Unlock()
		return
	}
	h.mu.Lock()
	h.requests++
	switch r.Method {
	case http.MethodGet:
		h.get++
	case http.MethodHead:
		h.head++
	}
	h.inFlight++
	h.maxInFlight = max(h.maxInFlight, h.inFlight)
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.inFlight--
		h.mu.Unlock()
	}()
	select {
	case <-time.After(latency):
	case <-r.Context().Done():
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><title>%s</title><p>page %s</p>\n", r.URL.Path, r.URL.Path)
}

func main() {
	n := flag.Int("hosts", 10, "number of virtual hosts (one port each)")
	latency := flag.Duration("latency", 100*time.Millisecond, "time before each page is answered")
	lifetime := flag.Duration("lifetime", 15*time.Minute, "exit after this long")
	sources := flag.String("sources", "", "also emulate doi.org, Crossref and Europe PMC from the fixtures in this directory (testdata/sources)")
	addr := flag.String("addr", "127.0.0.1:0", "with -sources: the emulator's address, so that a config can name it (127.0.0.1:8089)")
	logRequests := flag.Bool("log", false, "with -sources: print each request to the emulator on stderr")
	flag.Parse()
	log.SetFlags(0)
	if *sources != "" {
		fx, err := onlinetest.Load(*sources)
		if err != nil {
			log.Fatal(err)
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			log.Fatal(err)
		}
		h := onlinetest.NewHandler(fx)
		mux := http.NewServeMux()
		mux.HandleFunc("/__stats", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(map[string]int64{"requests": h.Requests()})
		})
		var served http.Handler = h
		if *logRequests {
			served = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				log.Printf("onlineserver: %s %s", r.Method, r.URL.RequestURI())
				h.ServeHTTP(w, r)
			})
		}
		mux.Handle("/", served)
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() { log.Fatal(srv.Serve(ln)) }()
		fmt.Printf("http://%s\n", ln.Addr())
	}
	for range *n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		h := &host{}
		srv := &http.Server{
			Handler:           http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r, *latency) }),
			ReadHeaderTimeout: 10 * time.Second,
		}
		go func() { log.Fatal(srv.Serve(ln)) }()
		fmt.Printf("http://%s\n", ln.Addr())
	}
	os.Stdout.Sync()
	time.Sleep(*lifetime)
	log.Printf("onlineserver: exiting after %v", *lifetime)
}
