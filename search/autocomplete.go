package search

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// Autocomplete returns titles whose words (or whose questions' words) start
// with the last word typed and whose title, questions, tags or headings
// contain the earlier words (stemmed). The prefix is the normalised last
// word, at least two letters; nothing typed reaches query syntax. Without
// q.Lang, the titles come from the first of the languages the text may be
// in (see chooseLangs) that has some.
func (e *Engine) Autocomplete(ctx context.Context, q spravka.Query) ([]spravka.Completion, error) {
	if !e.Ready() {
		return nil, spravka.ErrNotReady
	}
	if head, last := splitLastWord(q.Text); utf8.RuneCountInString(last) > maxChunkRunes || countWords(head) > maxTypedWords {
		return []spravka.Completion{}, nil // no title word starts with it; a message, not a title being typed
	}
	snap := e.snap.Load()
	langs := []string{q.Lang}
	if q.Lang == "" {
		langs = e.chooseLangs(newAsker(snap, q.Access), q.Text, q.PreferLangs).langs
	}
	for _, lang := range langs {
		if out := e.complete(snap, q.Text, lang, q.Access); len(out) > 0 {
			return out, nil
		}
	}
	return []spravka.Completion{}, nil
}

// complete returns the completions of text in lang.
func (e *Engine) complete(snap *snapshot, text, lang string, access spravka.Access) []spravka.Completion {
	head, last := splitLastWord(text)
	prefix := ""
	if ts := e.an.exactTerms(last); len(ts) > 0 {
		prefix = ts[len(ts)-1]
	}
	if utf8.RuneCountInString(prefix) < 2 {
		return nil
	}
	var need []uint32 // stems of the earlier, complete words
	for _, sl := range e.analyze(newAsker(snap, access), head, lang).slots {
		if !sl.visible {
			return nil // a word no article the caller may read has
		}
		need = append(need, sl.stem)
	}
	type cand struct {
		a     *spravka.Article
		score float64
	}
	best := map[string]float64{}
	snap.completions.withPrefix(lang, prefix, func(w titleWord) {
		score := 1.0
		if w.inTitle {
			score = 2 // the title itself has the word, not just a question
		}
		if score > best[w.key] {
			best[w.key] = score
		}
	})
	var cands []cand
	for key, score := range best {
		en := snap.entries[key]
		if en == nil || !access.CanSee(en.art) || !hasAll(en.rank, need) {
			continue
		}
		// Shorter titles are closer to what was typed.
		cands = append(cands, cand{en.art, score / (1 + float64(len(en.art.Title))/200)})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].a.Weight != cands[j].a.Weight {
			return cands[i].a.Weight < cands[j].a.Weight
		}
		return cands[i].a.Title < cands[j].a.Title
	})
	var out []spravka.Completion
	for i := 0; i < len(cands) && i < spravka.MaxCompletions; i++ {
		a := cands[i].a
		out = append(out, spravka.Completion{ID: a.ID, Title: a.Title, URL: a.URL()})
	}
	return out
}

// hasAll reports whether the article's title, questions, tags or headings
// contain every stem in need.
func hasAll(rd *rankDoc, need []uint32) bool {
	for _, id := range need {
		found := false
		for f := rfTitle; f <= rfHeadings && !found; f++ {
			for _, t := range rd.stems[f] {
				if t == id {
					found = true
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
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
