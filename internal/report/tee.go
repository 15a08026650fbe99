package report

import (
	"errors"
	"fmt"
	"os"
)

// Tee sends one run to several reporters, such as the report on stdout and
// a Markdown summary for the CI job's page, so the articles are linted once.
func Tee(rs ...Reporter) Reporter { return tee(rs) }

type tee []Reporter

func (t tee) File(path string, fs []Finding) error {
	var errs []error
	for _, r := range t {
		errs = append(errs, r.File(path, fs))
	}
	return errors.Join(errs...)
}

func (t tee) FileSource(path string, src []byte, fs []Finding) error {
	var errs []error
	for _, r := range t {
		errs = append(errs, FileSource(r, path, src, fs))
	}
	return errors.Join(errs...)
}

func (t tee) FileError(path string, err error) error {
	var errs []error
	for _, r := range t {
		errs = append(errs, r.FileError(path, err))
	}
	return errors.Join(errs...)
}

func (t tee) Close(s Summary) error {
	var errs []error
	for _, r := range t {
		errs = append(errs, r.Close(s))
	}
	return errors.Join(errs...)
}

func (t tee) abort() {
	for _, r := range t {
		Abort(r)
	}
}

// AppendFile returns the reporter for a format that appends to the file at
// path, made if missing: $GITHUB_STEP_SUMMARY is such a file, shared by the
// steps of a job.
func AppendFile(format, path string, o Options) (Reporter, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write report: %w", path, err)
	}
	r, err := New(format, f, o)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &appendReporter{Reporter: r, f: f}, nil
}

type appendReporter struct {
	Reporter
	f *os.File
}

func (r *appendReporter) FileSource(path string, src []byte, fs []Finding) error {
	return FileSource(r.Reporter, path, src, fs)
}

func (r *appendReporter) Close(s Summary) error {
	err := r.Reporter.Close(s)
	if cerr := r.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("%s: cannot write report: %w", r.f.Name(), cerr)
	}
	return err
}

func (r *appendReporter) abort() {
	Abort(r.Reporter)
	r.f.Close()
}
