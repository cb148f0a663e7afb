package search

import (
	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search/langid"
)

// langChoice is the language of a query that names none: the candidates
// langid.Choose leaves, in the order to search them, and the query
// analysed in those languages whose vocabulary Choose compared.
type langChoice struct {
	langs    []string
	analyzed map[string]*analyzedQuery
}

// chooseLangs decides which languages text may be in. Only languages with
// articles are candidates; among those the text leaves open, the one whose
// articles the caller may read know more of its words comes first (so the
// choice tells nothing of the words of hidden articles), then the site's
// default, then prefer (the visitor's languages).
func (e *Engine) chooseLangs(who *asker, text string, prefer []string) langChoice {
	snap := who.snap
	c := langChoice{analyzed: map[string]*analyzedQuery{}}
	var content []string
	for _, l := range spravka.Languages {
		if st := snap.stats[l]; st != nil && st.docs > 0 {
			content = append(content, l)
		}
	}
	known := func(lang string) int {
		aq := e.analyze(who, text, lang)
		c.analyzed[lang] = aq
		n := 0
		for _, sl := range aq.slots {
			if sl.visible || len(sl.alts) > 0 {
				n++
			}
		}
		return n
	}
	c.langs = langid.Choose(detectable(text), langid.Hints{Content: content, Default: e.cfg.DefaultLang, Prefer: prefer, Known: known}).Langs
	return c
}

// fixedLang is the choice of a query that names its language.
func fixedLang(lang string) langChoice { return langChoice{langs: []string{lang}} }

// analysis returns text analysed in lang, reusing what chooseLangs did.
func (c langChoice) analysis(e *Engine, who *asker, text, lang string) *analyzedQuery {
	if aq, ok := c.analyzed[lang]; ok {
		return aq
	}
	return e.analyze(who, text, lang)
}
