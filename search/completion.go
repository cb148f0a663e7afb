package search

import (
	"sort"
	"strings"

	"github.com/spravka/spravka"
)

// titleWord is one normalised word of an article's title or questions, the
// unit autocomplete matches prefixes against.
type titleWord struct {
	word    string
	key     string // article key
	inTitle bool   // from the title rather than a question
}

// completions holds, per language, every title and question word sorted,
// so a prefix is a binary search away. Autocomplete runs on every
// keystroke: an in-memory sorted list answers in microseconds where a
// bleve prefix query expands short prefixes into hundreds of terms.
type completions map[string][]titleWord

// titleWordsOf lists the distinct normalised words of an article's title
// and questions; computed once per article version, with its ranking data.
func (an *analyzers) titleWordsOf(key string, a *spravka.Article) []titleWord {
	var out []titleWord
	seen := map[string]bool{}
	add := func(text string, inTitle bool) {
		for _, w := range an.exactTerms(text) {
			if !seen[w] {
				seen[w] = true
				out = append(out, titleWord{word: w, key: key, inTitle: inTitle})
			}
		}
	}
	add(a.Title, true)
	for _, q := range a.Questions {
		add(q, false)
	}
	return out
}

// buildCompletions gathers and sorts the title words of all entries.
func buildCompletions(entries map[string]*entry) completions {
	c := completions{}
	for _, en := range entries {
		c[en.art.Lang] = append(c[en.art.Lang], en.words...)
	}
	for _, list := range c {
		sort.Slice(list, func(i, j int) bool {
			if list[i].word != list[j].word {
				return list[i].word < list[j].word
			}
			return list[i].key < list[j].key
		})
	}
	return c
}

// withPrefix calls fn for every title word of lang that starts with prefix.
func (c completions) withPrefix(lang, prefix string, fn func(titleWord)) {
	list := c[lang]
	i := sort.Search(len(list), func(i int) bool { return list[i].word >= prefix })
	for ; i < len(list) && strings.HasPrefix(list[i].word, prefix); i++ {
		fn(list[i])
	}
}
