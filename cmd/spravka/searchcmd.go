package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spravka/spravka"
)

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("search", `search "text" [--lang ru] [--json] [--content DIR] [--data DIR]`, stderr)
	s := newSettings(fs, "content", "data")
	lang := fs.String("lang", "", "language of the query (default: detected)")
	asJSON := fs.Bool("json", false, "print the API's JSON")
	limit := fs.Int("n", 10, "number of results")
	if err := fs.Parse(reorder(args)); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		fs.Usage()
		return errExit(2)
	}
	if *lang != "" && !spravka.IsLanguage(*lang) {
		return fmt.Errorf("unknown --lang %q; use one of %s", *lang, strings.Join(spravka.Languages, ", "))
	}
	cfg, err := s.resolve()
	if err != nil {
		return err
	}
	eng, _, err := openAndIndex(ctx, cfg, newLogger(io.Discard, "error"), nil)
	if err != nil {
		return err
	}
	defer eng.Close()
	res, err := eng.Search(ctx, spravka.Query{Text: text, Lang: *lang, PerPage: min(max(*limit, 1), spravka.MaxPerPage)})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	if res.Corrected != "" {
		fmt.Fprintf(stdout, "showing results for %q (%s)\n", res.Corrected, res.Correction)
	}
	if res.DidYouMean != "" {
		fmt.Fprintf(stdout, "did you mean %q?\n", res.DidYouMean)
	}
	for i, h := range res.Hits {
		url := h.URL
		title := h.Title
		if h.Section != nil {
			url = h.Section.URL
			title += " — " + h.Section.Title
		}
		fmt.Fprintf(stdout, "%2d. [%s] %s  %s  (%.2f)\n    %s\n", i+1, h.Lang, title, url, h.Score, plainSnippet(h.Snippet))
	}
	fmt.Fprintf(stdout, "%d of %d results in %.1f ms\n", len(res.Hits), res.Total, res.TookMS)
	return nil
}

// plainSnippet shows a snippet in a terminal: marks become brackets.
func plainSnippet(s string) string {
	r := strings.NewReplacer("<mark>", "[", "</mark>", "]", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'")
	return r.Replace(s)
}

// reorder moves flags before positional arguments, so that
// `spravka search "text" --lang ru` works as users type it.
func reorder(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && !isBoolFlag(a) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func isBoolFlag(a string) bool {
	a = strings.TrimLeft(a, "-")
	return a == "json" || a == "h" || a == "help"
}
