package search_test

import (
	"context"
	"html"
	"strings"
	"testing"

	"github.com/spravka/spravka"
)

// TestSnippetsOfSampleContent searches the sample help center for every
// article's title and summary, as every kind of caller, and checks every
// snippet: it is the article's own text (white space folded) with only
// <mark> added, and the marks pair up. Snippets are cut from spans kept at
// index time, so a span that no longer fits its text would show here.
func TestSnippetsOfSampleContent(t *testing.T) {
	e := sampleEngine(t)
	texts := map[string]string{} // key → all text of the article, folded
	var queries []spravka.Query
	for _, a := range e.Served() {
		all := []string{a.Summary, a.Lead}
		for _, s := range a.Sections {
			all = append(all, s.Text)
		}
		texts[a.Lang+"/"+a.ID] = strings.Join(strings.Fields(strings.Join(all, " ")), " ")
		queries = append(queries, spravka.Query{Text: a.Title, Lang: a.Lang}, spravka.Query{Text: a.Summary + " " + a.Title, Lang: a.Lang})
	}
	// Messages whose words are parts of dotted and hyphenated names.
	for _, text := range []string{"bank sync debugging connection statuses logs",
		"company name, tax ID, registered address; the email documents are sent to;", "config.yaml json export"} {
		queries = append(queries, spravka.Query{Text: text, Lang: "en"})
	}
	if len(queries) < 100 {
		t.Fatalf("only %d queries: is the sample content there?", len(queries))
	}
	checked := 0
	for _, acc := range []spravka.Access{spravka.Public, {Agent: "a", Tiers: []string{"l1", "l2", "l3"}}, {Preview: true}} {
		for _, q := range queries {
			q.Access, q.PerPage = acc, 20
			res, err := e.Search(context.Background(), q)
			if err != nil {
				t.Fatalf("%q: %v", q.Text, err)
			}
			for _, h := range res.Hits {
				if strings.Count(h.Snippet, "<mark>") != strings.Count(h.Snippet, "</mark>") {
					t.Errorf("%q → %s: unpaired marks in %q", q.Text, h.ID, h.Snippet)
				}
				plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.Snippet)
				plain = html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(plain, "… "), " …"))
				if !strings.Contains(texts[h.Lang+"/"+h.ID], plain) {
					t.Errorf("%q → %s: snippet %q is not the article's text", q.Text, h.ID, plain)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no hits were checked")
	}
}
