package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("index", "index [--content DIR] [--data DIR]", stderr)
	s := newSettings(fs, "content", "data", "lang")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := s.resolve()
	if err != nil {
		return err
	}
	log := newLogger(io.Discard, cfg.LogLevel) // problems are printed in the summary
	start := time.Now()
	eng, corpus, err := openAndIndex(ctx, cfg, log, progressBar(stderr))
	if err != nil {
		return err
	}
	defer eng.Close()
	printSummary(stdout, corpus, eng.Stats(), time.Since(start))
	if skipped(corpus) > 0 {
		return errExit(1)
	}
	return nil
}

func skipped(c *indexer.Corpus) int {
	n := 0
	for _, p := range c.Problems {
		if !p.Warning {
			n++
		}
	}
	return n
}

func printSummary(w io.Writer, c *indexer.Corpus, st search.Stats, took time.Duration) {
	sections := 0
	for _, a := range c.Articles {
		sections += len(a.Sections)
	}
	var langs []string
	for l, n := range st.ByLang {
		langs = append(langs, fmt.Sprintf("%s %d", l, n))
	}
	sort.Strings(langs)
	fmt.Fprintf(w, "indexed %d articles, %d sections (%s) in %s\n", st.Articles, sections, strings.Join(langs, ", "), took.Round(time.Millisecond))
	warnings := len(c.Problems) - skipped(c)
	for _, p := range c.Problems {
		kind := "error"
		if p.Warning {
			kind = "warning"
		}
		fmt.Fprintf(w, "%s: %s\n", kind, p)
	}
	if n := skipped(c); n > 0 || warnings > 0 {
		fmt.Fprintf(w, "%d file(s) skipped, %d warning(s)\n", n, warnings)
	}
}

// progressBar draws progress on a terminal and stays silent otherwise, so
// logs and CI output are not filled with carriage returns.
func progressBar(w io.Writer) search.Progress {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		const width = 30
		filled := width * done / max(total, 1)
		fmt.Fprintf(w, "\rindexing [%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}
