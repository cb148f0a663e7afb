package analytics

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats Write accepts.
var Formats = []string{"text", "csv", "json"}

// Write renders r in format: "text" for people, "csv" for spreadsheets (one
// long table with a section column), "json" for scripts.
func Write(w io.Writer, r *Report, format string) error {
	switch format {
	case "text", "":
		return writeText(w, r)
	case "csv":
		return writeCSV(w, r)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	}
	return fmt.Errorf("analytics: unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// csvHeader names the columns of the CSV report; a section uses the
// columns that apply to it and leaves the others empty.
var csvHeader = []string{"section", "lang", "item", "item_lang", "count", "zero_results", "clicks",
	"avg_results", "yes", "no", "ratio", "detail"}

func writeCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	row := func(section, lang, item, itemLang string, nums map[string]string, detail string) {
		rec := []string{section, lang, item, itemLang, nums["count"], nums["zero_results"], nums["clicks"],
			nums["avg_results"], nums["yes"], nums["no"], nums["ratio"], detail}
		for i := range rec {
			rec[i] = csvSafe(rec[i])
		}
		cw.Write(rec)
	}
	cw.Write(csvHeader)
	s := r.Summary
	for _, m := range []struct {
		name string
		n    int
	}{{"searches", s.Searches}, {"zero_results", s.ZeroResults}, {"site_searches", s.SiteSearches}, {"clicks", s.Clicks},
		{"votes", s.Votes}, {"helpful", s.Helpful}, {"suggest_calls", s.SuggestCalls},
		{"suggest_feedback", s.SuggestFeedback}, {"suggest_useful", s.SuggestUseful}} {
		row("summary", r.Lang, m.name, "", map[string]string{"count": itoa(m.n)}, "")
	}
	for _, m := range []struct {
		name string
		v    float64
	}{{"zero_rate", s.ZeroRate}, {"click_rate", s.ClickRate}, {"helpful_rate", s.HelpfulRate}} {
		row("summary", r.Lang, m.name, "", map[string]string{"ratio": ftoa(m.v)}, "")
	}
	for _, sec := range []struct {
		name string
		list []QueryStat
	}{{"top_queries", r.TopQueries}, {"zero_results", r.ZeroResults}, {"no_clicks", r.NoClicks}} {
		for _, q := range sec.list {
			row(sec.name, q.Lang, q.Query, "", map[string]string{"count": itoa(q.Searches), "clicks": itoa(q.Clicks),
				"avg_results": ftoa(q.AvgResults)}, "")
		}
	}
	for _, g := range r.ContentGaps {
		row("content_gaps", g.Lang, g.ArticleID, g.ArticleLang, map[string]string{"count": itoa(g.Searches),
			"clicks": itoa(g.Clicks)}, strings.Join(g.Queries, " | "))
	}
	for _, a := range r.WorstHelpful {
		row("worst_helpful", a.Lang, a.ArticleID, "", map[string]string{"yes": itoa(a.Yes), "no": itoa(a.No),
			"ratio": ftoa(a.Ratio)}, "")
		for _, c := range a.Comments {
			row("comment", a.Lang, a.ArticleID, "", map[string]string{}, c.Text)
		}
	}
	for _, st := range r.Suggest {
		row("suggest", "", st.ArticleID, "", map[string]string{"count": itoa(st.Suggested), "yes": itoa(st.Useful),
			"no": itoa(st.NotUseful), "ratio": ftoa(st.Ratio)}, "")
	}
	for _, d := range r.Volume {
		row("volume", r.Lang, d.Day, "", map[string]string{"count": itoa(d.Searches), "zero_results": itoa(d.ZeroResults)}, "")
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from running a customer's query as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }
