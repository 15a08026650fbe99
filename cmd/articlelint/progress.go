package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/articlelint/articlelint/internal/online"
)

// terminalWidth returns the width of w if it is a terminal; tests replace
// it to pretend.
var terminalWidth = func(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		width = 80
	}
	return width, true
}

// progressLine redraws one line on a terminal with an online check's
// progress, and erases it when the check ends. It writes only "\r", the
// line and spaces, so a terminal without cursor control (TERM=dumb) shows
// it too; colour only where colour is wanted.
type progressLine struct {
	w     io.Writer
	width int
	color bool
	// last is the line drawn, lastLen its width on screen.
	last    string
	lastLen int
	stop    chan struct{}
	done    chan struct{}
}

// startProgress starts a progress line for c on w if mode asks for it:
// always; auto when w is a terminal outside CI; never.
func startProgress(mode string, w io.Writer, c *online.Checker) *progressLine {
	width, tty := terminalWidth(w)
	switch {
	case mode == "never":
		return nil
	case mode == "auto" && (!tty || os.Getenv("CI") != ""):
		return nil
	}
	if width == 0 {
		width = 80
	}
	p := &progressLine{w: w, width: width, stop: make(chan struct{}), done: make(chan struct{}),
		color: tty && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"}
	// The first line comes at the first tick: a run that takes less
	// shows (and erases) only its last.
	go func() {
		defer close(p.done)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw(c.Progress())
			case <-p.stop:
				p.draw(c.Progress())
				fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.lastLen)+"\r")
				return
			}
		}
	}()
	return p
}

// end draws the last state and erases the line.
func (p *progressLine) end() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
}

func (p *progressLine) draw(s online.Progress) {
	plain := progressText(s, false)
	n := utf8.RuneCountInString(plain)
	line := plain
	switch {
	case n >= p.width:
		// A line as wide as the terminal would wrap, and "\r" would
		// redraw only its last row: cut it.
		line = string([]rune(plain)[:p.width-1])
		n = p.width - 1
	case p.color:
		line = progressText(s, true)
	}
	if line == p.last {
		return
	}
	fmt.Fprint(p.w, "\r"+line+strings.Repeat(" ", max(0, p.lastLen-n)))
	p.last, p.lastLen = line, n
}

// progressText is the line; bold sets the numbers off.
func progressText(s online.Progress, bold bool) string {
	num := func(n int) string {
		if bold {
			return fmt.Sprintf("\x1b[1m%d\x1b[0m", n)
		}
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("articlelint: online %s/%s checked, %s in flight, %s %s waiting",
		num(s.Checked), num(s.Total), num(s.InFlight), num(s.HostsWaiting), plural(s.HostsWaiting, "host", "hosts"))
}
