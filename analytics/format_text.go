package analytics

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

func writeText(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	lang := r.Lang
	if lang == "" {
		lang = "all languages"
	}
	p("spravka analytics: %s to %s, %s\n\n", r.Since.Format(time.DateOnly), r.Until.Format(time.DateOnly), lang)
	s := r.Summary
	p("Searches\t%d\t%d with no results (%s)\n", s.Searches, s.ZeroResults, pct(s.ZeroRate))
	p("Clicks\t%d\t%s of %d site searches\n", s.Clicks, pct(s.ClickRate), s.SiteSearches)
	p("Votes\t%d\t%s helpful\n", s.Votes, pct(s.HelpfulRate))
	p("Suggest calls\t%d\t%d judged, %d useful\n", s.SuggestCalls, s.SuggestFeedback, s.SuggestUseful)
	queries := func(title string, list []QueryStat) {
		p("\n%s\n", title)
		if len(list) == 0 {
			p("  (none)\n")
			return
		}
		p("  searches\tclicks\tavg results\tlang\tquery\n")
		for _, q := range list {
			p("  %d\t%d\t%.1f\t%s\t%s\n", q.Searches, q.Clicks, q.AvgResults, q.Lang, q.Query)
		}
	}
	queries("Top queries", r.TopQueries)
	queries("Queries with no results", r.ZeroResults)
	queries("Queries with results but no clicks", r.NoClicks)
	p("\nContent gaps: translate these articles\n")
	if len(r.ContentGaps) == 0 {
		p("  (none)\n")
	}
	for _, g := range r.ContentGaps {
		p("  %s → %s\t%s\t%d searches, %d clicks\t%s\n", g.ArticleLang, g.Lang, g.ArticleID, g.Searches, g.Clicks,
			strings.Join(g.Queries, " | "))
	}
	p("\nLeast helpful articles\n")
	if len(r.WorstHelpful) == 0 {
		p("  (none)\n")
	}
	for _, a := range r.WorstHelpful {
		// Not tab-separated: comment lines would break the columns.
		p("  %4s  %s/%s  %d yes, %d no\n", pct(a.Ratio), a.Lang, a.ArticleID, a.Yes, a.No)
		for _, c := range a.Comments {
			p("        %s %q\n", c.Time.Format(time.DateOnly), c.Text)
		}
	}
	p("\nSuggest usefulness\n")
	if len(r.Suggest) == 0 {
		p("  (none)\n")
	}
	for _, st := range r.Suggest {
		p("  %s\tsuggested %d\t%d useful, %d not\t%s\n", st.ArticleID, st.Suggested, st.Useful, st.NotUseful, pct(st.Ratio))
	}
	p("\nSearches per day\n")
	for _, d := range r.Volume {
		if d.Searches > 0 {
			p("  %s\t%d\t%d with no results\n", d.Day, d.Searches, d.ZeroResults)
		}
	}
	return tw.Flush()
}

func pct(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }
