package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/spravka/spravka"
)

// Autocomplete returns titles whose words start with the last word typed and
// that contain the earlier words (stemmed). Only letters and digits typed so
// far form the prefix; nothing typed reaches query syntax.
func (e *Engine) Autocomplete(ctx context.Context, text, lang string, access spravka.Access) ([]spravka.Completion, error) {
	if !e.Ready() {
		return nil, spravka.ErrNotReady
	}
	snap := e.snap.Load()
	if lang == "" {
		lang = e.detectLang(text)
	}
	head, last := splitLastWord(text)
	prefix := ""
	if ts := e.an.exactTerms(last); len(ts) > 0 {
		prefix = ts[len(ts)-1]
	}
	var clauses []query.Query
	if utf8.RuneCountInString(prefix) >= 2 {
		p := bleve.NewPrefixQuery(prefix)
		p.SetField(fieldTitleX)
		clauses = append(clauses, p)
	}
	for _, sl := range e.analyze(snap, head, lang).slots {
		t := bleve.NewTermQuery(sl.stemT)
		t.SetField(fieldAll)
		clauses = append(clauses, t)
	}
	if len(clauses) == 0 {
		return []spravka.Completion{}, nil
	}
	clauses = append(clauses, filterQuery(spravka.Query{Access: access}, lang)...)
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(clauses...), 50, 0, false)
	res, err := e.index().SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("autocomplete: %w", err)
	}
	type cand struct {
		a     *spravka.Article
		score float64
	}
	var cands []cand
	for _, h := range res.Hits {
		if en, ok := snap.entries[h.ID]; ok {
			score := h.Score
			// A title that itself has the typed word beats one whose
			// questions have it; shorter titles are closer to what was typed.
			if prefix != "" && titleHasPrefix(e, en.art.Title, prefix) {
				score *= 2
			}
			cands = append(cands, cand{en.art, score / (1 + float64(len(en.art.Title))/200)})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	out := []spravka.Completion{}
	for i := 0; i < len(cands) && i < spravka.MaxCompletions; i++ {
		a := cands[i].a
		out = append(out, spravka.Completion{ID: a.ID, Title: a.Title, URL: a.URL()})
	}
	return out, nil
}

func titleHasPrefix(e *Engine, title, prefix string) bool {
	for _, w := range e.an.exactTerms(title) {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// splitLastWord splits text into everything before the last word and the
// last word (the one being typed). Trailing spaces mean the last word is
// complete, so there is no prefix.
func splitLastWord(text string) (head, last string) {
	if text == "" || unicode.IsSpace(rune(text[len(text)-1])) {
		return text, ""
	}
	i := strings.LastIndexFunc(text, unicode.IsSpace)
	return text[:i+1], text[i+1:]
}
