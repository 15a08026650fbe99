// Package lsp serves articlelint to editors over the Language Server
// Protocol on a byte stream (stdin and stdout): diagnostics while the user
// types, quick fixes from the rules' suggested edits, and hover text from
// each rule's explanation. It is a driver, like the CLI: the rules and the
// linter are the same.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/articlelint/articlelint/article"
	"github.com/articlelint/articlelint/internal/config"
	"github.com/articlelint/articlelint/internal/lint"
)

// DefaultDebounce is how long the server waits after the last change to a
// document before it lints it, so that typing does not lint every key.
const DefaultDebounce = 200 * time.Millisecond

// RulesURL is where each diagnostic's code links to.
const RulesURL = "https://github.com/articlelint/articlelint#rules"

// ErrExitWithoutShutdown is returned when the client sends exit before
// shutdown; the specification asks the server to exit with code 1.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// Extensions are the file types the server lints, in any case: those a
// directory walk picks up (lint.Extensions, MDX, Quarto and R Markdown
// too); others are ignored.
var Extensions = lint.Extensions

// Options configure a server.
type Options struct {
	// Lint configures the Linter; the server makes a fresh one whenever a
	// config file changes.
	Lint lint.Options
	// Debounce overrides DefaultDebounce.
	Debounce time.Duration
	// Version is reported to the client as the server's version.
	Version string
	// Log receives what the server cannot tell the client: broken frames,
	// recovered panics. Nil discards it.
	Log io.Writer
}

// Serve runs a language server reading requests from r and writing to w
// until the client sends exit or r ends. It returns nil after shutdown and
// exit (or the end of r after shutdown).
func Serve(r io.Reader, w io.Writer, opts Options) error {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	s := &server{
		opts:    opts,
		out:     &writer{w: w},
		docs:    map[string]*document{},
		shown:   map[string]bool{},
		pending: map[string]string{},
	}
	s.opts.Lint.Warn = s.configWarning
	s.linter = lint.New(s.opts.Lint)
	defer s.stop()
	br := bufio.NewReader(r)
	for {
		body, err := readMessage(br)
		switch {
		case errors.Is(err, errFraming):
			s.logf("skipping a message: %v", err)
			continue
		case err == io.EOF && s.shutdown:
			return nil
		case err == io.EOF:
			return errors.New("the client closed the connection without shutdown")
		case err != nil:
			return err
		}
		if exit := s.handle(body); exit {
			if !s.shutdown {
				return ErrExitWithoutShutdown
			}
			return nil
		}
	}
}

// server is one connection. Requests are handled in order on the reading
// goroutine; lint runs happen on their own goroutines and publish only if
// their document has not changed since they started.
type server struct {
	opts Options
	out  *writer

	// Read loop only.
	initialized, shutdown bool
	watch, docChanges     bool // client capabilities
	nextID                int
	pending               map[string]string // our requests' ids, to their methods

	// pubMu orders a document's publishes: a check that a run is current
	// and its write happen together, so a stale run cannot publish after a
	// newer run or after didClose cleared the document.
	pubMu sync.Mutex

	mu     sync.Mutex
	linter *lint.Linter
	docs   map[string]*document // by URI
	shown  map[string]bool      // config errors shown since the last reload
	closed bool
	wg     sync.WaitGroup // scheduled and running lints
}

// document is an open article.
type document struct {
	uri, path string
	text      []byte // replaced on change, never modified in place
	version   int
	// gen counts the document's lint runs: a change, a save or a config
	// reload starts a new one and makes older runs stale.
	gen   uint64
	timer *time.Timer // the debounced run, if one is waiting
	// The last result, valid if resGen == gen.
	res     *lint.Result
	resErr  error
	resGen  uint64
	lastErr string // the last input error logged, so typing does not repeat it
}

func (s *server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "articlelint lsp: "+format+"\n", args...)
	}
}

// handle handles one message body and reports whether it was exit.
func (s *server) handle(body []byte) (exit bool) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		code := codeParseError
		if json.Valid(body) {
			code = codeInvalidRequest
		}
		s.replyError(json.RawMessage("null"), errorf(code, "cannot read message: %v", err))
		return false
	}
	if !m.isCall() {
		if len(m.ID) == 0 && m.Result == nil && m.Error == nil {
			s.replyError(json.RawMessage("null"), errorf(codeInvalidRequest, "message has no method and is no response"))
			return false
		}
		s.handleResponse(&m)
		return false
	}
	if m.Method == "exit" {
		return true
	}
	defer func() {
		if r := recover(); r != nil {
			s.logf("panic handling %s: %v\n%s", m.Method, r, debug.Stack())
			if !m.isNotification() {
				s.replyError(m.ID, errorf(codeInternalError, "internal error handling %s: %v", m.Method, r))
			}
		}
	}()
	result, err := s.dispatch(&m)
	if m.isNotification() {
		if err != nil {
			s.logf("%s: %v", m.Method, err)
		}
		return false
	}
	if err != nil {
		var re *rpcError
		if !errors.As(err, &re) {
			re = errorf(codeInternalError, "%v", err)
		}
		s.replyError(m.ID, re)
		return false
	}
	if werr := s.out.write(response{JSONRPC: "2.0", ID: m.ID, Result: result}); werr != nil {
		s.logf("cannot reply: %v", werr)
	}
	return false
}

func (s *server) replyError(id json.RawMessage, e *rpcError) {
	if err := s.out.write(errorResponse{JSONRPC: "2.0", ID: id, Error: e}); err != nil {
		s.logf("cannot reply: %v", err)
	}
}

func (s *server) handleResponse(m *message) {
	method, ok := s.pending[string(m.ID)]
	if !ok {
		return
	}
	delete(s.pending, string(m.ID))
	if m.Error != nil {
		s.logf("%s failed: %s", method, m.Error.Message)
	}
}

func (s *server) notify(method string, params any) {
	if err := s.out.write(outgoing{JSONRPC: "2.0", Method: method, Params: params}); err != nil {
		s.logf("cannot send %s: %v", method, err)
	}
}

func (s *server) request(method string, params any) {
	s.nextID++
	id := s.nextID
	s.pending[fmt.Sprint(id)] = method
	if err := s.out.write(outgoing{JSONRPC: "2.0", ID: &id, Method: method, Params: params}); err != nil {
		s.logf("cannot send %s: %v", method, err)
	}
}

// dispatch runs the handler for a request or notification.
func (s *server) dispatch(m *message) (any, error) {
	switch {
	case m.Method == "initialize":
		if s.initialized {
			return nil, errorf(codeInvalidRequest, "initialize sent twice")
		}
		return s.initialize(m)
	case !s.initialized:
		return nil, errorf(codeServerNotInitialized, "%s before initialize", m.Method)
	case s.shutdown:
		return nil, errorf(codeInvalidRequest, "%s after shutdown", m.Method)
	}
	switch m.Method {
	case "initialized":
		if s.watch {
			s.registerWatcher()
		}
		return nil, nil
	case "shutdown":
		s.shutdown = true
		s.stop()
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		return nil, s.do(m, &p, func() { s.didOpen(p) })
	case "textDocument/didChange":
		var p didChangeParams
		return nil, s.do(m, &p, func() { s.didChange(p) })
	case "textDocument/didSave":
		var p didSaveParams
		return nil, s.do(m, &p, func() { s.didSave(p.TextDocument.URI) })
	case "textDocument/didClose":
		var p didCloseParams
		return nil, s.do(m, &p, func() { s.didClose(p.TextDocument.URI) })
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		return nil, s.do(m, &p, func() { s.didChangeWatchedFiles(p) })
	case "textDocument/codeAction":
		var p codeActionParams
		var actions []codeAction
		err := s.do(m, &p, func() { actions = s.codeActions(p) })
		return actions, err
	case "textDocument/hover":
		var p hoverParams
		var h *hover
		err := s.do(m, &p, func() { h = s.hover(p) })
		return h, err
	}
	if m.isNotification() {
		return nil, nil // $/cancelRequest, $/setTrace and others need nothing
	}
	return nil, errorf(codeMethodNotFound, "method not supported: %s", m.Method)
}

// do decodes m's params into p and calls f.
func (s *server) do(m *message, p any, f func()) error {
	if len(m.Params) == 0 || string(m.Params) == "null" {
		return errorf(codeInvalidParams, "%s: missing params", m.Method)
	}
	if err := json.Unmarshal(m.Params, p); err != nil {
		return errorf(codeInvalidParams, "%s: invalid params: %v", m.Method, err)
	}
	f()
	return nil
}

func (s *server) initialize(m *message) (any, error) {
	var p initializeParams
	if len(m.Params) > 0 {
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, errorf(codeInvalidParams, "initialize: invalid params: %v", err)
		}
	}
	s.initialized = true
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.docChanges = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   "utf-16",
			TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: syncFull, Save: saveOptions{IncludeText: false}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{"quickfix"}},
			HoverProvider:      true,
		},
		ServerInfo: serverInfo{Name: "articlelint", Version: s.opts.Version},
	}, nil
}

// registerWatcher asks the client to report changes to config files.
func (s *server) registerWatcher() {
	var ws []fileWatcher
	for _, name := range config.FileNames {
		ws = append(ws, fileWatcher{GlobPattern: "**/" + name})
	}
	s.request("client/registerCapability", registrationParams{Registrations: []registration{{
		ID:              "articlelint-config",
		Method:          "workspace/didChangeWatchedFiles",
		RegisterOptions: watchedFilesOptions{Watchers: ws},
	}}})
}

// uriPath returns the file path of a file: URI.
func uriPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/dir on Windows
		p = p[1:]
	}
	return filepath.FromSlash(p), true
}

// articlePath returns the path of a URI the server lints.
func articlePath(uri string) (string, bool) {
	p, ok := uriPath(uri)
	if !ok {
		return "", false
	}
	ext := filepath.Ext(p)
	return p, slices.ContainsFunc(Extensions, func(e string) bool { return strings.EqualFold(ext, e) })
}

// isConfig reports whether uri names a config file.
func isConfig(uri string) bool {
	p, ok := uriPath(uri)
	return ok && slices.Contains(config.FileNames, filepath.Base(p))
}

func (s *server) didOpen(p didOpenParams) {
	path, ok := articlePath(p.TextDocument.URI)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		d = &document{uri: p.TextDocument.URI, path: path}
		s.docs[d.uri] = d
	}
	d.text, d.version = []byte(p.TextDocument.Text), p.TextDocument.Version
	s.schedule(d, 0)
}

func (s *server) didChange(p didChangeParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		d.text = applyChange(d.text, c)
	}
	d.version = p.TextDocument.Version
	s.schedule(d, s.opts.Debounce)
}

// applyChange applies one content change: the whole text, or a range.
func applyChange(text []byte, c contentChange) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	li := article.NewLineIndex(text)
	start, end := offset(text, li, c.Range.Start), offset(text, li, c.Range.End)
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
	out = append(out, text[:start]...)
	out = append(out, c.Text...)
	return append(out, text[end:]...)
}

func (s *server) didSave(uri string) {
	if isConfig(uri) {
		s.reload()
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[uri]; d != nil {
		s.schedule(d, 0)
	}
}

func (s *server) didClose(uri string) {
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		s.cancel(d)
		delete(s.docs, uri)
	}
	s.mu.Unlock()
	if d != nil {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

func (s *server) didChangeWatchedFiles(p didChangeWatchedFilesParams) {
	for _, c := range p.Changes {
		if isConfig(c.URI) {
			s.reload()
			return
		}
	}
}

// reload drops every loaded config, by making a new Linter, and lints
// every open document again.
func (s *server) reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.linter = lint.New(s.opts.Lint)
	s.shown = map[string]bool{}
	for _, d := range s.docs {
		s.schedule(d, 0)
	}
}

// schedule starts a new lint run of d after delay, making older runs
// stale. s.mu must be held.
func (s *server) schedule(d *document, delay time.Duration) {
	s.cancel(d)
	d.gen++
	if s.closed {
		return
	}
	uri, gen := d.uri, d.gen
	run := func() {
		defer s.wg.Done()
		s.run(uri, gen)
	}
	s.wg.Add(1)
	if delay <= 0 {
		go run()
		return
	}
	d.timer = time.AfterFunc(delay, run)
}

// cancel stops d's waiting run. Lint takes no context, so a run already
// going finishes, but its result is stale and never published.
// s.mu must be held.
func (s *server) cancel(d *document) {
	if d.timer != nil && d.timer.Stop() {
		s.wg.Done()
	}
	d.timer = nil
}

// stop cancels every waiting run and waits for the running ones.
func (s *server) stop() {
	s.mu.Lock()
	s.closed = true
	for _, d := range s.docs {
		s.cancel(d)
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// run lints run gen of the document at uri and publishes its diagnostics.
func (s *server) run(uri string, gen uint64) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("panic linting %s: %v\n%s", uri, r, debug.Stack())
		}
	}()
	d, res, err := s.result(uri, gen)
	if d == nil {
		return // stale
	}
	diags := []Diagnostic{}
	var ce *configError
	switch {
	case errors.As(err, &ce):
		s.mu.Lock()
		first := !s.shown[ce.Error()]
		s.shown[ce.Error()] = true
		s.mu.Unlock()
		if first {
			s.notify("window/showMessage", showMessageParams{Type: messageError, Message: "articlelint: " + ce.Error()})
		}
	case err != nil:
		s.mu.Lock()
		first := d.lastErr != err.Error()
		d.lastErr = err.Error()
		s.mu.Unlock()
		if first {
			s.notify("window/logMessage", showMessageParams{Type: messageInfo, Message: "articlelint: not linted: " + err.Error()})
		}
	default:
		s.mu.Lock()
		d.lastErr = ""
		s.mu.Unlock()
		diags = diagnostics(res)
	}
	s.publish(d, gen, diags)
}

// configWarning shows a config file's warning (a deprecated key) once per
// load of the file: the linter calls it when it loads the file, which is
// once until the config changes.
func (s *server) configWarning(w *config.Error) {
	s.notify("window/showMessage", showMessageParams{Type: messageWarning, Message: "articlelint: warning: " + w.Error()})
}

// configError marks an error in loading the config that applies to a
// document, as opposed to a document that cannot be linted.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// result returns run gen's lint result for the document at uri, linting
// it if no result is cached. It returns a nil document if gen is stale.
func (s *server) result(uri string, gen uint64) (*document, *lint.Result, error) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil || d.gen != gen {
		s.mu.Unlock()
		return nil, nil, nil
	}
	if d.resGen == gen {
		defer s.mu.Unlock()
		return d, d.res, d.resErr
	}
	path, text, linter := d.path, d.text, s.linter
	s.mu.Unlock()

	var res *lint.Result
	_, err := linter.Config(path)
	if err != nil {
		err = &configError{err}
	} else {
		res, err = linter.Lint(path, text)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.docs[uri] != d || d.gen != gen {
		return nil, nil, nil
	}
	d.res, d.resErr, d.resGen = res, err, gen
	return d, res, err
}

// current returns the open document at uri and its lint result, linting
// it now if its debounced run has not happened yet.
func (s *server) current(uri string) (*document, *lint.Result) {
	s.mu.Lock()
	d := s.docs[uri]
	var gen uint64
	if d != nil {
		gen = d.gen
	}
	s.mu.Unlock()
	if d == nil {
		return nil, nil
	}
	d, res, err := s.result(uri, gen)
	if err != nil {
		return nil, nil
	}
	return d, res
}

// publish sends run gen's diagnostics for d, unless the run is stale.
func (s *server) publish(d *document, gen uint64, diags []Diagnostic) {
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	s.mu.Lock()
	ok := !s.closed && s.docs[d.uri] == d && d.gen == gen
	version := d.version
	s.mu.Unlock()
	if ok {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &version, Diagnostics: diags})
	}
}
