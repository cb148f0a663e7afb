package langid

import (
	"slices"
	"sort"
)

// decisiveLead is the lead, in units of evidence, by which a Cyrillic
// language must beat each other one for Choose to rule that one out: one
// function word or ending of its own, the lead at which Detect's
// confidence of plain Cyrillic text reaches MinConfidence.
const decisiveLead = 1.0

// Hints is what Choose knows besides the text. The zero value means: all
// four languages have content, no default, no preferences, no vocabulary.
type Hints struct {
	// Content lists the languages that have articles. Only they are
	// candidates for text that could be in several languages; text in a
	// language without articles keeps its language, so that the search
	// reports answers from other languages as a fallback.
	Content []string
	// Default is the site's default_lang.
	Default string
	// Prefer lists the visitor's languages, best first (Accept-Language).
	Prefer []string
	// Known, when set, counts the words of the text that lang's content
	// knows. Among the languages the text leaves open, those whose
	// content knows more of its words come first: the articles are more
	// evidence about the words than the visitor's settings are.
	Known func(lang string) int
}

// Choice is the outcome of Choose.
type Choice struct {
	// Langs are the candidate languages, the one to search first at the
	// head. It is never empty.
	Langs []string
	// Decided is set when the evidence (letters, words and endings of the
	// text, the content's languages and vocabulary) singles out Langs[0];
	// when it is not, Langs[0] is the preferred one of equals.
	Decided bool
}

// Choose returns the languages a query may be written in, best first.
//
// The script decides first: Latin text is English (a wrong keyboard layout
// is for the caller to try), Cyrillic text never is. Among the Cyrillic
// languages, letters only one has, then words and endings rule out those
// more than decisiveLead behind the best. Of what is left, languages
// without content drop out, then the content's vocabulary (Known) ranks,
// then the site's default, then the visitor's preferences, then the text's
// scores. Text without letters ("12345") may be in any language with
// content.
func Choose(text string, h Hints) Choice {
	r := read(text)
	var cands []string
	var score func(string) float64
	switch {
	case r.latinWords == 0 && r.cyrWords == 0:
		cands = slices.Clone(allLangs[:])
		score = func(string) float64 { return 0 }
	case r.english():
		cands = []string{English}
	default:
		cands = r.cyr.within(decisiveLead)
		score = r.cyr.of
	}
	if len(h.Content) > 0 {
		if with := intersect(cands, h.Content); len(with) > 0 {
			cands = with
		}
	}
	if len(cands) == 1 {
		return Choice{Langs: cands, Decided: true}
	}
	known := map[string]int{}
	if h.Known != nil {
		for _, l := range cands {
			known[l] = h.Known(l)
		}
	}
	rank := func(l string) int {
		if l == h.Default {
			return 0
		}
		if i := slices.Index(h.Prefer, l); i >= 0 {
			return 1 + i
		}
		return 1 + len(h.Prefer)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		switch {
		case known[a] != known[b]:
			return known[a] > known[b]
		case rank(a) != rank(b):
			return rank(a) < rank(b)
		}
		return score(a) > score(b)
	})
	return Choice{Langs: cands, Decided: known[cands[0]] > known[cands[1]]}
}

// allLangs are the languages in spravka.Languages' order, which breaks ties.
var allLangs = [...]string{Russian, Ukrainian, Bulgarian, English}

// intersect returns the elements of a that are in b, in a's order.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
