package search

import (
	"strings"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search/analysis"
)

// analyzers resolves the registered bleve analyzers once, so that the
// ranker analyses text exactly as the index does.
type analyzers struct {
	stemmed map[string]bleveanalysis.Analyzer
	exact   bleveanalysis.Analyzer
}

func newAnalyzers(im mapping.IndexMapping) *analyzers {
	a := &analyzers{stemmed: map[string]bleveanalysis.Analyzer{}}
	for _, lang := range spravka.Languages {
		a.stemmed[lang] = im.AnalyzerNamed(analysis.ForLang(lang))
	}
	a.exact = im.AnalyzerNamed(analysis.Exact)
	return a
}

// stems returns the stemmed terms of text in lang, stop words removed.
func (a *analyzers) stems(lang, text string) []string {
	an, ok := a.stemmed[lang]
	if !ok {
		an = a.exact
	}
	return termsOf(an, text)
}

// exactTerms returns the normalised, unstemmed terms of text.
func (a *analyzers) exactTerms(text string) []string { return termsOf(a.exact, text) }

func termsOf(an bleveanalysis.Analyzer, text string) []string {
	if text == "" {
		return nil
	}
	ts := an.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

// fullText is the text of every searchable field of an article, for the
// bleve candidate fields.
func fullText(a *spravka.Article) string {
	var b strings.Builder
	b.WriteString(a.Title)
	b.WriteByte('\n')
	for _, q := range a.Questions {
		b.WriteString(q)
		b.WriteByte('\n')
	}
	b.WriteString(strings.Join(a.Tags, ", "))
	b.WriteByte('\n')
	b.WriteString(a.Summary)
	b.WriteByte('\n')
	b.WriteString(a.Lead)
	b.WriteByte('\n')
	b.WriteString(a.LeadCode)
	b.WriteByte('\n')
	for _, s := range a.Sections {
		b.WriteString(s.Title)
		b.WriteByte('\n')
		b.WriteString(s.Text)
		b.WriteByte('\n')
		b.WriteString(s.Code)
		b.WriteByte('\n')
	}
	return b.String()
}

func joinLines(ss []string) string { return strings.Join(ss, "\n") }
