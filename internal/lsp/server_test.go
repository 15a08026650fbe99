package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"github.com/articlelint/articlelint/internal/lint"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// sleepArticle has a doi-format finding after an emoji on the same line, so its
// range is in UTF-16 units, and no AI-use disclosure (ai-disclosure).
const sleepArticle = `# Vitamin D and sleep

## Introduction

Sleep matters for recovery, and vitamin D may play a part in it.

## Key Findings

The trial 🌞 is doi:10.1000/182 and it enrolled 120 adults over twelve weeks.

## Conclusion

Vitamin D may help some adults sleep better.
`

// doiRange is where doi:10.1000/182 stands: "The trial " is 10 units, the
// emoji 2 (one rune), " is " 4.
var doiRange = Range{Start: Position{Line: 8, Character: 16}, End: Position{Line: 8, Character: 31}}

const testDebounce = 100 * time.Millisecond

// client is the test's side of a connection to an in-process server.
type client struct {
	t      *testing.T
	conn   net.Conn
	out    *writer
	msgs   chan *message
	served chan error
	queue  []*message // received, not yet awaited
	nextID int
	dir    string

	mu       sync.Mutex
	requests []*message // the server's requests to the client
	exited   bool
}

// start connects a client to a new server over net.Pipe and initializes
// it with the given client capabilities (JSON).
func start(t *testing.T, caps string) *client {
	t.Helper()
	return startLint(t, caps, lint.Options{})
}

// startLint is start with the given linter options.
func startLint(t *testing.T, caps string, lo lint.Options) *client {
	t.Helper()
	srv, cli := net.Pipe()
	c := &client{
		t: t, conn: cli, out: &writer{w: cli},
		msgs: make(chan *message, 1000), served: make(chan error, 1),
		dir: t.TempDir(),
	}
	go func() {
		c.served <- Serve(srv, srv, Options{Lint: lo, Debounce: testDebounce, Version: "test", Log: testLog{t}})
		srv.Close()
	}()
	go func() {
		defer close(c.msgs)
		br := bufio.NewReader(cli)
		for {
			body, err := readMessage(br)
			if err != nil {
				return
			}
			m := new(message)
			if err := json.Unmarshal(body, m); err != nil {
				t.Errorf("server sent invalid JSON: %v: %s", err, body)
				return
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() {
		if !c.exited {
			c.call("shutdown", nil)
			c.notify("exit", nil)
			c.wait()
		}
		cli.Close()
	})
	var res initializeResult
	c.decode(c.call("initialize", json.RawMessage(`{"processId":null,"rootUri":null,"capabilities":`+caps+`}`)), &res)
	if res.Capabilities.PositionEncoding != "utf-16" || !res.Capabilities.HoverProvider {
		t.Fatalf("capabilities = %+v", res.Capabilities)
	}
	c.notify("initialized", struct{}{})
	return c
}

type testLog struct{ t *testing.T }

// Write logs the server's log in the test's, and fails the test on a
// recovered panic, which would otherwise pass unnoticed.
func (l testLog) Write(p []byte) (int, error) {
	if strings.Contains(string(p), "panic") {
		l.t.Errorf("%s", p)
	} else {
		l.t.Logf("%s", strings.TrimSpace(string(p)))
	}
	return len(p), nil
}

// wait returns what Serve returned.
func (c *client) wait() error {
	c.t.Helper()
	c.exited = true
	select {
	case err := <-c.served:
		return err
	case <-time.After(5 * time.Second):
		c.t.Fatal("server did not exit")
		return nil
	}
}

func (c *client) send(m any) {
	c.t.Helper()
	if err := c.out.write(m); err != nil {
		c.t.Fatalf("send: %v", err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(outgoing{JSONRPC: "2.0", Method: method, Params: params})
}

// call sends a request and returns its response.
func (c *client) call(method string, params any) *message {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(outgoing{JSONRPC: "2.0", ID: &id, Method: method, Params: params})
	want := json.RawMessage(strings.TrimSpace(string(mustJSON(id))))
	return c.await("response to "+method, func(m *message) bool {
		return !m.isCall() && string(m.ID) == string(want)
	})
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// decode fails the test if m is an error response, and decodes its result.
func (c *client) decode(m *message, v any) {
	c.t.Helper()
	if m.Error != nil {
		c.t.Fatalf("error response: %v", m.Error)
	}
	if err := json.Unmarshal(m.Result, v); err != nil {
		c.t.Fatalf("decoding %s: %v", m.Result, err)
	}
}

// await returns the first message, received or queued, that match accepts.
// It answers the server's requests as a client does.
func (c *client) await(what string, match func(*message) bool) *message {
	c.t.Helper()
	for i, m := range c.queue {
		if match(m) {
			c.queue = slices.Delete(c.queue, i, i+1)
			return m
		}
	}
	timeout := time.After(5 * time.Second)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("connection closed waiting for %s", what)
			}
			if m.isCall() && !m.isNotification() {
				c.mu.Lock()
				c.requests = append(c.requests, m)
				c.mu.Unlock()
				c.send(response{JSONRPC: "2.0", ID: m.ID})
				continue
			}
			if match(m) {
				return m
			}
			c.queue = append(c.queue, m)
		case <-timeout:
			c.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// quiet fails the test if a message that match accepts arrives within d.
func (c *client) quiet(d time.Duration, what string, match func(*message) bool) {
	c.t.Helper()
	timeout := time.After(d)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				return
			}
			if match(m) {
				c.t.Fatalf("unexpected %s: %s", what, m.Params)
			}
			c.queue = append(c.queue, m)
		case <-timeout:
			return
		}
	}
}

func isDiagnostics(uri string) func(*message) bool {
	return func(m *message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p publishDiagnosticsParams
		return json.Unmarshal(m.Params, &p) == nil && p.URI == uri
	}
}

// diagnostics waits for the next diagnostics of uri.
func (c *client) diagnostics(uri string) publishDiagnosticsParams {
	c.t.Helper()
	m := c.await("diagnostics for "+uri, isDiagnostics(uri))
	var p publishDiagnosticsParams
	if err := json.Unmarshal(m.Params, &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

// uri writes nothing; it names a file in the client's directory.
func (c *client) uri(name string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(c.dir, name))}).String()
}

func (c *client) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "markdown", Version: 1, Text: text}})
}

func (c *client) change(uri string, version int, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: uri, Version: version},
		ContentChanges: []contentChange{{Text: text}},
	})
}

func codes(p publishDiagnosticsParams) []string {
	var out []string
	for _, d := range p.Diagnostics {
		out = append(out, d.Code)
	}
	return out
}

func find(p publishDiagnosticsParams, code string) *Diagnostic {
	for i := range p.Diagnostics {
		if p.Diagnostics[i].Code == code {
			return &p.Diagnostics[i]
		}
	}
	return nil
}

func TestDiagnosticsOnOpen(t *testing.T) {
	c := start(t, `{}`)
	uri := c.uri("sleep.md")
	c.open(uri, sleepArticle)
	p := c.diagnostics(uri)
	if p.Version == nil || *p.Version != 1 {
		t.Errorf("version = %v, want 1", p.Version)
	}
	d := find(p, "doi-format")
	if d == nil {
		t.Fatalf("no doi-format diagnostic in %v", codes(p))
	}
	if d.Range != doiRange {
		t.Errorf("doi-format range = %+v, want %+v (UTF-16 columns)", d.Range, doiRange)
	}
	if d.Severity != severityWarning || d.Source != "articlelint" || d.CodeDescription.Href != RulesURL {
		t.Errorf("doi-format diagnostic = %+v", d)
	}
	if !strings.Contains(d.Message, "https://doi.org/10.1000/182") {
		t.Errorf("message = %q", d.Message)
	}
	ai := find(p, "ai-disclosure")
	if ai == nil {
		t.Fatalf("no ai-disclosure diagnostic in %v", codes(p))
	}
	if ai.Severity != severityError {
		t.Errorf("ai-disclosure severity = %d, want %d", ai.Severity, severityError)
	}
	// About the whole article: at the title, not after the last line.
	if title := (Range{End: Position{Character: len("# Vitamin D and sleep")}}); ai.Range != title {
		t.Errorf("ai-disclosure range = %+v, want the title %+v", ai.Range, title)
	}
}

// A document over --max-file-size gets one diagnostic, and no rule runs.
func TestMaxFileSize(t *testing.T) {
	c := startLint(t, `{}`, lint.Options{MaxFileSize: 100})
	uri := c.uri("big.md")
	c.open(uri, sleepArticle)
	p := c.diagnostics(uri)
	if len(p.Diagnostics) != 1 || find(p, "file-too-large") == nil {
		t.Fatalf("diagnostics %v, want only file-too-large", codes(p))
	}
	// The driver's finding is explained on hover, as a rule's is.
	var h *hover
	c.decode(c.call("textDocument/hover", hoverParams{TextDocument: textDocumentIdentifier{URI: uri}}), &h)
	if h == nil || !strings.Contains(h.Contents.Value, "**file-too-large** (error)") || !strings.Contains(h.Contents.Value, "--max-file-size") {
		t.Errorf("hover on file-too-large = %+v", h)
	}
}

func TestDidChangeDebounced(t *testing.T) {
	c := start(t, `{}`)
	uri := c.uri("sleep.md")
	c.open(uri, sleepArticle)
	c.diagnostics(uri)

	// Three quick edits: only the last is linted, a debounce after it.
	fixed := strings.Replace(sleepArticle, "doi:10.1000/182", "https://doi.org/10.1000/182", 1)
	sent := time.Now()
	c.change(uri, 2, sleepArticle+"\nMore.\n")
	c.change(uri, 3, sleepArticle+"\nMore text.\n")
	c.change(uri, 4, fixed)
	p := c.diagnostics(uri)
	if elapsed := time.Since(sent); elapsed < testDebounce {
		t.Errorf("diagnostics after %v, before the %v debounce", elapsed, testDebounce)
	}
	if p.Version == nil || *p.Version != 4 {
		t.Fatalf("diagnostics for version %v, want only the last (4)", p.Version)
	}
	if find(p, "doi-format") != nil {
		t.Errorf("doi-format still reported after the fix: %v", codes(p))
	}
	if find(p, "ai-disclosure") == nil {
		t.Errorf("ai-disclosure missing: %v", codes(p))
	}
	c.quiet(3*testDebounce, "stale diagnostics", isDiagnostics(uri))
}

func TestCodeActionDOIFix(t *testing.T) {
	for _, tc := range []struct {
		name, caps string
	}{
		{"changes", `{}`},
		{"documentChanges", `{"workspace":{"workspaceEdit":{"documentChanges":true}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := start(t, tc.caps)
			uri := c.uri("sleep.md")
			c.open(uri, sleepArticle)
			c.diagnostics(uri)
			cursor := Position{Line: 8, Character: 20}
			var actions []codeAction
			c.decode(c.call("textDocument/codeAction", codeActionParams{
				TextDocument: textDocumentIdentifier{URI: uri},
				Range:        Range{Start: cursor, End: cursor},
			}), &actions)
			if len(actions) != 1 {
				t.Fatalf("got %d actions, want 1: %+v", len(actions), actions)
			}
			a := actions[0]
			if a.Kind != "quickfix" || a.Title != "rewrite as https://doi.org/10.1000/182" {
				t.Errorf("action = %q (%s)", a.Title, a.Kind)
			}
			if len(a.Diagnostics) != 1 || a.Diagnostics[0].Code != "doi-format" {
				t.Errorf("action diagnostics = %+v", a.Diagnostics)
			}
			edits := a.Edit.Changes[uri]
			if tc.caps != `{}` {
				if len(a.Edit.DocumentChanges) != 1 || a.Edit.DocumentChanges[0].TextDocument.Version != 1 {
					t.Fatalf("documentChanges = %+v", a.Edit.DocumentChanges)
				}
				edits = a.Edit.DocumentChanges[0].Edits
			}
			want := []textEdit{{Range: doiRange, NewText: "https://doi.org/10.1000/182"}}
			if !slices.Equal(edits, want) {
				t.Errorf("edits = %+v, want %+v", edits, want)
			}

			// Elsewhere, or asking only for refactorings, there is nothing.
			elsewhere := Position{Line: 4, Character: 0}
			c.decode(c.call("textDocument/codeAction", codeActionParams{
				TextDocument: textDocumentIdentifier{URI: uri},
				Range:        Range{Start: elsewhere, End: elsewhere},
			}), &actions)
			if len(actions) != 0 {
				t.Errorf("actions away from the finding: %+v", actions)
			}
			p := codeActionParams{TextDocument: textDocumentIdentifier{URI: uri}, Range: doiRange}
			p.Context.Only = []string{"refactor"}
			c.decode(c.call("textDocument/codeAction", p), &actions)
			if len(actions) != 0 {
				t.Errorf("actions for only=refactor: %+v", actions)
			}
		})
	}
}

func TestHoverExplains(t *testing.T) {
	c := start(t, `{}`)
	uri := c.uri("sleep.md")
	c.open(uri, sleepArticle)
	c.diagnostics(uri)
	var h *hover
	c.decode(c.call("textDocument/hover", hoverParams{
		TextDocument: textDocumentIdentifier{URI: uri},
		Position:     Position{Line: 8, Character: 18},
	}), &h)
	if h == nil {
		t.Fatal("no hover on the DOI")
	}
	if h.Contents.Kind != "markdown" {
		t.Errorf("kind = %q", h.Contents.Kind)
	}
	for _, want := range []string{
		"**doi-format** (warning): write the DOI as https://doi.org/10.1000/182",
		"Crossref's DOI display guidelines ask for DOIs",
		`https://doi.org/\<doi\>`, // escaped, not an HTML tag
	} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	if h.Range == nil || *h.Range != doiRange {
		t.Errorf("hover range = %+v, want %+v", h.Range, doiRange)
	}

	// The missing disclosure is about the whole article: it is at the
	// title, and hovering there explains it.
	c.decode(c.call("textDocument/hover", hoverParams{
		TextDocument: textDocumentIdentifier{URI: uri},
		Position:     Position{Line: 0, Character: 5},
	}), &h)
	if h == nil || !strings.Contains(h.Contents.Value, "**ai-disclosure** (error)") || !strings.Contains(h.Contents.Value, "EU AI Act") {
		t.Errorf("hover on the title = %+v", h)
	}

	// Before the emoji there is no finding: the result is null.
	m := c.call("textDocument/hover", hoverParams{
		TextDocument: textDocumentIdentifier{URI: uri},
		Position:     Position{Line: 8, Character: 11},
	})
	if m.Error != nil || string(m.Result) != "null" {
		t.Errorf("hover off any finding = %s, %v; want null", m.Result, m.Error)
	}
}

func writeConfig(t *testing.T, dir, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, ".articlelint.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConfigReloadWatchedFiles(t *testing.T) {
	c := start(t, `{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}`)
	uri := c.uri("sleep notes.md") // percent-encoded in the URI, found in the same directory as the config
	c.open(uri, sleepArticle)
	if p := c.diagnostics(uri); find(p, "ai-disclosure") == nil {
		t.Fatalf("ai-disclosure missing before the config: %v", codes(p))
	}

	// The server asked to watch config files.
	c.mu.Lock()
	reqs := slices.Clone(c.requests)
	c.mu.Unlock()
	if len(reqs) != 1 || reqs[0].Method != "client/registerCapability" ||
		!strings.Contains(string(reqs[0].Params), `"globPattern":"**/.articlelint.yaml"`) {
		t.Fatalf("server requests = %+v", reqs)
	}

	writeConfig(t, c.dir, "rules:\n  ai-disclosure: off\n")
	c.notify("workspace/didChangeWatchedFiles", didChangeWatchedFilesParams{Changes: []fileEvent{{URI: c.uri(".articlelint.yaml"), Type: 1}}})
	p := c.diagnostics(uri)
	if find(p, "ai-disclosure") != nil {
		t.Errorf("ai-disclosure still reported after the config turned it off: %v", codes(p))
	}
	if find(p, "doi-format") == nil {
		t.Errorf("doi-format missing: %v", codes(p))
	}
}

func TestConfigReloadOnSave(t *testing.T) {
	c := start(t, `{}`)
	uri := c.uri("sleep.md")
	c.open(uri, sleepArticle)
	c.diagnostics(uri)
	c.mu.Lock()
	if len(c.requests) != 0 {
		t.Errorf("server registered a watcher with a client that cannot: %+v", c.requests)
	}
	c.mu.Unlock()

	writeConfig(t, c.dir, "rules:\n  doi-format: off\n")
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: c.uri(".articlelint.yaml")}})
	p := c.diagnostics(uri)
	if find(p, "doi-format") != nil || find(p, "ai-disclosure") == nil {
		t.Errorf("after saving the config: %v, want ai-disclosure only", codes(p))
	}
}

func TestConfigErrorShownOnce(t *testing.T) {
	c := start(t, `{}`)
	writeConfig(t, c.dir, "rules:\n  no-such-rule: off\n")
	uri := c.uri("sleep.md")
	c.open(uri, sleepArticle)
	m := c.await("showMessage", func(m *message) bool { return m.Method == "window/showMessage" })
	var sm showMessageParams
	if err := json.Unmarshal(m.Params, &sm); err != nil {
		t.Fatal(err)
	}
	if sm.Type != messageError || !strings.Contains(sm.Message, ".articlelint.yaml:2:3") || !strings.Contains(sm.Message, "no-such-rule") {
		t.Errorf("showMessage = %+v", sm)
	}
	if p := c.diagnostics(uri); len(p.Diagnostics) != 0 {
		t.Errorf("diagnostics with a broken config: %v", codes(p))
	}

	// Typing does not repeat the message.
	c.change(uri, 2, sleepArticle+"\n")
	c.diagnostics(uri)
	c.quiet(testDebounce, "second showMessage", func(m *message) bool { return m.Method == "window/showMessage" })

	// Fixing the config brings the diagnostics back.
	writeConfig(t, c.dir, "rules:\n  doi-format: error\n")
	c.notify("workspace/didChangeWatchedFiles", didChangeWatchedFilesParams{Changes: []fileEvent{{URI: c.uri(".articlelint.yaml"), Type: 2}}})
	p := c.diagnostics(uri)
	if d := find(p, "doi-format"); d == nil || d.Severity != severityError {
		t.Errorf("after fixing the config: %+v", p.Diagnostics)
	}
}

// A deprecated key in the config is shown as a warning, and the document
// is still linted with it.
func TestConfigWarningShown(t *testing.T) {
	c := start(t, `{}`)
	writeConfig(t, c.dir, "rules:\n  ai-disclosure:\n    severity: info\n    replace_defaults: false\n")
	uri := c.uri("sleep.md")
	c.open(uri, sleepArticle)
	m := c.await("showMessage", func(m *message) bool { return m.Method == "window/showMessage" })
	var sm showMessageParams
	if err := json.Unmarshal(m.Params, &sm); err != nil {
		t.Fatal(err)
	}
	if sm.Type != messageWarning || !strings.Contains(sm.Message, `.articlelint.yaml:4:5: key "replace_defaults" is deprecated: write "replace-defaults"`) {
		t.Errorf("showMessage = %+v", sm)
	}
	if d := find(c.diagnostics(uri), "ai-disclosure"); d == nil || d.Severity != severityInfo {
		t.Errorf("ai-disclosure = %+v, want it at the config's severity, info", d)
	}
}

func TestDidCloseClears(t *testing.T) {
	c := start(t, `{}`)
	uri := c.uri("sleep.md")
	c.open(uri, sleepArticle)
	c.diagnostics(uri)
	c.change(uri, 2, sleepArticle+"\n") // a pending run that close must cancel
	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	if p := c.diagnostics(uri); len(p.Diagnostics) != 0 || p.Version != nil {
		t.Errorf("after close: %+v", p)
	}
	c.quiet(3*testDebounce, "diagnostics after close", isDiagnostics(uri))
}

// Every format a directory walk lints is linted in the editor too.
func TestDiagnosticsInEveryFormat(t *testing.T) {
	c := start(t, `{}`)
	for _, name := range []string{"sleep.mdx", "sleep.qmd", "sleep.Rmd", "sleep.rmd", "sleep.MARKDOWN"} {
		uri := c.uri(name)
		c.open(uri, sleepArticle)
		if find(c.diagnostics(uri), "doi-format") == nil {
			t.Errorf("%s: no doi-format diagnostic", name)
		}
	}
}

func TestIgnoresOtherDocuments(t *testing.T) {
	c := start(t, `{}`)
	c.open(c.uri("main.go"), "package main\n")
	c.open("untitled:Untitled-1", "doi:10.1000/182\n")
	c.open(c.uri(".articlelint.yaml"), "rules: {}\n")
	c.quiet(3*testDebounce, "diagnostics", func(m *message) bool { return m.Method == "textDocument/publishDiagnostics" })
}

func TestBadInput(t *testing.T) {
	c := start(t, `{}`)
	uri := c.uri("empty.md")
	c.open(uri, "")
	if p := c.diagnostics(uri); len(p.Diagnostics) != 0 {
		t.Errorf("diagnostics for an empty document: %v", codes(p))
	}
	m := c.await("logMessage", func(m *message) bool { return m.Method == "window/logMessage" })
	if !strings.Contains(string(m.Params), "empty") {
		t.Errorf("logMessage = %s", m.Params)
	}

	// Malformed JSON, a batch, an unknown method and bad params each get an
	// error response; the server goes on serving.
	if _, err := c.conn.Write([]byte("Content-Length: 9\r\n\r\n{\"id\": 1,")); err != nil {
		t.Fatal(err)
	}
	m = c.await("parse error", func(m *message) bool { return m.Error != nil })
	if m.Error.Code != codeParseError || string(m.ID) != "null" {
		t.Errorf("malformed JSON: id %s, error %+v", m.ID, m.Error)
	}
	if _, err := c.conn.Write([]byte("Content-Length: 2\r\n\r\n[]")); err != nil {
		t.Fatal(err)
	}
	if m = c.await("invalid request", func(m *message) bool { return m.Error != nil }); m.Error.Code != codeInvalidRequest {
		t.Errorf("batch: error %+v", m.Error)
	}
	if _, err := c.conn.Write([]byte("Content-Length: 2\r\n\r\n{}")); err != nil {
		t.Fatal(err)
	}
	if m = c.await("invalid request", func(m *message) bool { return m.Error != nil }); m.Error.Code != codeInvalidRequest {
		t.Errorf("empty object: error %+v", m.Error)
	}
	if m = c.call("textDocument/definition", struct{}{}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: %+v", m.Error)
	}
	if m = c.call("textDocument/hover", "not an object"); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("bad params: %+v", m.Error)
	}
	if m = c.call("textDocument/codeAction", nil); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("missing params: %+v", m.Error)
	}
	c.notify("textDocument/didChange", "garbage")
	c.notify("$/cancelRequest", map[string]int{"id": 99})
	// A hover on a document that is not open, and past the end of one that is.
	if m = c.call("textDocument/hover", hoverParams{TextDocument: textDocumentIdentifier{URI: c.uri("nope.md")}}); m.Error != nil || string(m.Result) != "null" {
		t.Errorf("hover on a closed document: %s %+v", m.Result, m.Error)
	}
	c.open(c.uri("sleep.md"), sleepArticle)
	c.diagnostics(c.uri("sleep.md"))
	if m = c.call("textDocument/hover", hoverParams{TextDocument: textDocumentIdentifier{URI: c.uri("sleep.md")}, Position: Position{Line: 999, Character: -5}}); m.Error != nil {
		t.Errorf("hover past the end: %+v", m.Error)
	}
	if m = c.call("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: c.uri("sleep.md")}, Range: Range{Start: Position{-1, -1}, End: Position{1 << 30, 1 << 30}}}); m.Error != nil {
		t.Errorf("codeAction over everything: %+v", m.Error)
	}
	// Still alive.
	if m = c.call("shutdown", nil); m.Error != nil {
		t.Fatalf("shutdown: %+v", m.Error)
	}
	c.notify("exit", nil)
	if err := c.wait(); err != nil {
		t.Errorf("Serve = %v after shutdown and exit", err)
	}
}

func TestLifecycle(t *testing.T) {
	t.Run("before initialize", func(t *testing.T) {
		srv, cli := net.Pipe()
		defer cli.Close()
		served := make(chan error, 1)
		go func() { served <- Serve(srv, srv, Options{}); srv.Close() }()
		w := &writer{w: cli}
		br := bufio.NewReader(cli)
		id := 1
		go w.write(outgoing{JSONRPC: "2.0", ID: &id, Method: "textDocument/hover", Params: hoverParams{}})
		body, err := readMessage(br)
		if err != nil {
			t.Fatal(err)
		}
		var m message
		json.Unmarshal(body, &m)
		if m.Error == nil || m.Error.Code != codeServerNotInitialized {
			t.Errorf("hover before initialize: %s", body)
		}
		go w.write(outgoing{JSONRPC: "2.0", Method: "exit"})
		if err := <-served; !errors.Is(err, ErrExitWithoutShutdown) {
			t.Errorf("Serve = %v, want ErrExitWithoutShutdown", err)
		}
	})
	t.Run("after shutdown", func(t *testing.T) {
		c := start(t, `{}`)
		if m := c.call("initialize", struct{}{}); m.Error == nil {
			t.Errorf("second initialize succeeded")
		}
		c.call("shutdown", nil)
		if m := c.call("textDocument/hover", hoverParams{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
			t.Errorf("hover after shutdown: %+v", m.Error)
		}
		c.notify("exit", nil)
		if err := c.wait(); err != nil {
			t.Errorf("Serve = %v", err)
		}
	})
}
