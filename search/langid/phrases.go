package langid

import (
	"strings"
	"unicode/utf8"
)

// Evidence that needs the word before. Short queries are often "не" and a
// verb ("не приходит", "не приходить") or a noun after a preposition
// ("смяна на парола"), and the first word alone says little.

// verbAfterNe returns the evidence of cur's ending when prev is "не": a
// word after "не" is almost always a verb, and the three languages end
// their verbs differently. Russian 3rd person ends in -т
// (приходит, приходят), Ukrainian in -ть (приходить, приходять), which
// elsewhere is the Russian infinitive; Bulgarian plural in -ат/-ят, its
// singular in a vowel. Reflexive forms keep the usual reading of -тся.
func verbAfterNe(prev, cur string) ([3]float64, bool) {
	if prev != "не" || utf8.RuneCountInString(cur) < 4 || strings.HasSuffix(cur, "ся") {
		return [3]float64{}, false
	}
	for _, e := range verbEndings {
		if strings.HasSuffix(cur, e.suffix) {
			return e.weight, true
		}
	}
	return [3]float64{}, false
}

// verbEndings are tried in order; the first that matches counts.
var verbEndings = []struct {
	suffix string
	weight [3]float64
}{
	{"ить", ev(0, 1, 0)}, {"ять", ev(0, 1, 0)}, {"ють", ev(0, 1, 0)}, {"уть", ev(0, 1, 0)},
	{"ит", ev(1, 0, 0)}, {"ет", ev(1, 0, 0)}, {"ёт", ev(1, 0, 0)}, {"ут", ev(1, 0, 0)}, {"ют", ev(1, 0, 0)},
	{"ат", ev(1, 0, 1)}, {"ят", ev(1, 0, 1)},
	// Past tense: Ukrainian masculine прийшов (ru пришел), Bulgarian
	// aorist получих.
	{"ов", ev(0, 1, 0)}, {"их", ev(0, 0, 1)},
}

// bareAfterPreposition reports a feminine noun left in its base form after
// на or за: Bulgarian has no cases (смяна на парола, напомняне за
// плащане), where Russian and Ukrainian inflect the noun (на фактуру,
// за оплату, на рахунку).
func bareAfterPreposition(prev, cur string) bool {
	if prev != "на" && prev != "за" || utf8.RuneCountInString(cur) < 4 {
		return false
	}
	return strings.HasSuffix(cur, "а") || strings.HasSuffix(cur, "я")
}
