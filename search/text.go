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

// stemmer returns the stemming analyzer of lang; a language without one
// is only normalised.
func (a *analyzers) stemmer(lang string) bleveanalysis.Analyzer {
	if an, ok := a.stemmed[lang]; ok {
		return an
	}
	return a.exact
}

// stems returns the stemmed terms of text in lang, stop words removed.
func (a *analyzers) stems(lang, text string) []string { return termsOf(a.stemmer(lang), text) }

// analyzeBoth returns the exact and the stemmed token streams of text in
// lang, tokenising and normalising once (see analysis.StemExact).
func (a *analyzers) analyzeBoth(lang, text string) (exact, stems bleveanalysis.TokenStream) {
	if text == "" {
		return nil, nil
	}
	exact = a.exact.Analyze([]byte(text))
	if _, ok := a.stemmed[lang]; !ok {
		return exact, exact
	}
	return exact, analysis.StemExact(lang, exact)
}

// withOffsets is streamTerms with each term's byte span in its text, kept
// for the body so snippets need no analysis at query time.
func withOffsets(ts bleveanalysis.TokenStream) (terms []string, parts []int32, length int, starts []uint32, lens []uint16) {
	terms, parts, length = streamTerms(ts)
	starts, lens = make([]uint32, 0, len(ts)), make([]uint16, 0, len(ts))
	for _, t := range ts {
		starts = append(starts, uint32(t.Start))
		lens = append(lens, uint16(min(t.End-t.Start, 1<<16-1)))
	}
	return terms, parts, length, starts, lens
}

// exactTerms returns the normalised, unstemmed terms of text.
func (a *analyzers) exactTerms(text string) []string { return termsOf(a.exact, text) }

func termsOf(an bleveanalysis.Analyzer, text string) []string {
	out, _, _ := termsAndLength(an, text)
	return out
}

// termsAndLength returns the terms of text, the indexes of the terms the
// analyzer stacked on the position of the one before (the parts of
// "file.txt") and the length of text for BM25: the number of distinct
// positions. A stacked part is another way to find the same word, not more
// text, so it must not make the document look longer (Lucene's BM25
// discounts such overlaps the same way).
func termsAndLength(an bleveanalysis.Analyzer, text string) (terms []string, parts []int32, length int) {
	if text == "" {
		return nil, nil, 0
	}
	return streamTerms(an.Analyze([]byte(text)))
}

// streamTerms is termsAndLength of an analysed stream.
func streamTerms(ts bleveanalysis.TokenStream) (terms []string, parts []int32, length int) {
	terms = make([]string, 0, len(ts))
	last := -1
	for i, t := range ts {
		terms = append(terms, string(t.Term))
		if t.Position == last {
			parts = append(parts, int32(i))
			continue
		}
		length++
		last = t.Position
	}
	return terms, parts, length
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
