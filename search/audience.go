package search

import (
	"maps"
	"strings"

	"github.com/spravka/spravka"
)

// Words offered back to a caller — typo corrections (did_you_mean), the
// keyboard-layout correction — must come from articles the caller may
// read: a correction to a word of an internal article or a draft tells an
// anonymous visitor that the word exists. Ranking statistics (langStats)
// stay global, since they are never shown. Rather than a vocabulary per
// audience, the snapshot keeps, per language, the document frequencies of
// the articles the public may not read, grouped by audience class (drafts,
// internal, each list of tiers). Those are few and small next to the
// whole vocabulary, and a term is visible to a caller when its global
// document frequency exceeds what the classes hidden from them contribute.

// hiddenClass counts the terms of the non-public articles of one class.
type hiddenClass struct {
	draft    bool
	audience []string
	docs     int
	df       map[uint32]int32 // stems, as langStats.df
	exactDF  map[uint32]int32 // exact words, as langStats.exactDF
}

// hiddenStats are one language's hidden classes by key (see classOf).
type hiddenStats map[string]*hiddenClass

// classOf returns the key of the audience class of a, and false when
// everyone may read it.
func classOf(a *spravka.Article) (string, bool) {
	switch {
	case a.Draft:
		return "draft", true
	case spravka.Public.CanSee(a):
		return "", false
	}
	return strings.Join(a.Audience, ","), true
}

// add counts (sign = 1) or uncounts (sign = -1) the terms of a non-public
// article; public ones are not counted here.
func (h hiddenStats) add(en *entry, sign int32) {
	key, hidden := classOf(en.art)
	if !hidden {
		return
	}
	c := h[key]
	if c == nil {
		c = &hiddenClass{draft: en.art.Draft, audience: en.art.Audience, df: map[uint32]int32{}, exactDF: map[uint32]int32{}}
		h[key] = c
	}
	c.docs += int(sign)
	countDistinct(c.df, &en.rank.stemTF, sign)
	countDistinct(c.exactDF, &en.rank.exactTF, sign)
	if c.docs <= 0 {
		delete(h, key)
	}
}

func (h hiddenStats) clone() hiddenStats {
	out := make(hiddenStats, len(h))
	for k, c := range h {
		cc := *c
		cc.df, cc.exactDF = maps.Clone(c.df), maps.Clone(c.exactDF)
		out[k] = &cc
	}
	return out
}

// asker is the caller a query is analysed for: which words they may be
// offered, and the typo corrections of their request: those already looked
// up (a word's are the same in every language analysed) and the letters
// left to look up (maxFuzzyRunes).
type asker struct {
	snap      *snapshot
	access    spravka.Access
	hidden    map[string][]*hiddenClass // by language: classes the caller may not read, filled on first use
	fuzzy     map[string][]string       // visible typo corrections by word
	fuzzyLeft int                       // letters of unknown words that may still be looked up
	raw, text string                    // the last text bounded, and its queryText
}

// bounded returns queryText(text), computed once for a text that the
// request analyses in several languages.
func (w *asker) bounded(text string) string {
	if text != w.raw || w.text == "" {
		w.raw, w.text = text, queryText(text)
	}
	return w.text
}

func newAsker(snap *snapshot, access spravka.Access) *asker {
	return &asker{snap: snap, access: access, hidden: map[string][]*hiddenClass{}, fuzzy: map[string][]string{},
		fuzzyLeft: maxFuzzyRunes}
}

// hiddenIn returns the classes of lang the caller may not read.
func (w *asker) hiddenIn(lang string) []*hiddenClass {
	out, ok := w.hidden[lang]
	if ok {
		return out
	}
	for _, c := range w.snap.hidden[lang] {
		if !w.access.CanSee(&spravka.Article{Draft: c.draft, Audience: c.audience}) {
			out = append(out, c)
		}
	}
	w.hidden[lang] = out
	return out
}

// knows reports whether an article of lang the caller may read has the
// term: a stem id, or an exact word id when exact is set.
func (w *asker) knows(lang string, id uint32, exact bool) bool {
	st := w.snap.stats[lang]
	if st == nil || id == 0 {
		return false
	}
	n := st.df[id]
	if exact {
		n = st.exactDF[id]
	}
	for _, c := range w.hiddenIn(lang) {
		if n <= 0 {
			break
		}
		if exact {
			n -= c.exactDF[id]
		} else {
			n -= c.df[id]
		}
	}
	return n > 0
}

// knowsAnywhere is knows over every language: typo corrections come from
// the exact words of all of them.
func (w *asker) knowsAnywhere(id uint32, exact bool) bool {
	for _, l := range spravka.Languages {
		if w.knows(l, id, exact) {
			return true
		}
	}
	return false
}
