package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spravka/spravka/check"
	"github.com/spravka/spravka/indexer"
)

// runCheck lints a content folder: usable as a pre-commit hook and a CI
// step, it exits 1 on errors, and with --strict on warnings too.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "check [--content DIR] [--format text|json] [--strict]", stderr)
	s := newSettings(fs, "content", "lang")
	format := fs.String("format", "text", "output format: text (path:line:col: severity: message) or json")
	strict := fs.Bool("strict", false, "exit 1 on warnings as well as errors")
	maxTitle := fs.Int("max-title", check.DefaultMaxTitleRunes, "warn about titles longer than this many characters")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q; use text or json", *format)
	}
	cfg, err := s.resolve()
	if err != nil {
		return err
	}
	fsys, _, err := contentFS(cfg.Content)
	if err != nil {
		return err
	}
	r, err := check.Run(ctx, fsys, indexer.Options{DefaultLang: cfg.DefaultLang}, check.Config{MaxTitleRunes: *maxTitle})
	if err != nil {
		return err
	}
	if *format == "json" {
		err = check.WriteJSON(stdout, r)
	} else {
		err = check.WriteText(stdout, r)
	}
	if err != nil {
		return err
	}
	if r.Errors > 0 || *strict && r.Warnings > 0 {
		return errExit(1)
	}
	return nil
}
