package analysis

import (
	"strings"
	"unicode/utf8"
)

// stemBG is a light Bulgarian stemmer after Nakov's BulStem as Lucene's
// BulgarianStemmer implements it: remove the definite article, then one
// plural, verb or final-vowel ending, then undo the consonant changes that
// separate the forms of a word (безплатен/безплатна, списък/списъци,
// ученик/ученици). It departs from Lucene where Lucene's rules hurt
// help-desk words: -си→-х would turn адреси into "адрех" and -еCи→-яC
// проблеми into "проблям", so both are left out; the article -та/-то/-те
// is only removed after the vowel it attaches to, so карта, работа and
// място keep their т; and the common present and aorist verb endings are
// added. Words shorter than four letters or with non-Cyrillic letters are
// returned unchanged. Input must be normalised.
func stemBG(w string) string {
	if utf8.RuneCountInString(w) < 4 || !isCyrillicWord(w) {
		return w
	}
	if stem, ok := strings.CutSuffix(w, "ища"); ok && utf8.RuneCountInString(w) > 5 {
		return stem // Lucene's first rule: augmentative/collective plural
	}
	if s, ok := protectedStem(w, bgNounForms, bgNounStems); ok {
		return s
	}
	s := bgArticle(w)
	s = bgEnding(s)
	return bgConsonants(s)
}

func isBGVowel(r rune) bool { return strings.ContainsRune("аъоуеияю", r) }

// bgKeeps reports whether removing n bytes from s leaves at least three
// letters, the length guard every Bulgarian rule shares.
func bgKeeps(s string, n int) bool { return utf8.RuneCountInString(s[:len(s)-n]) >= 3 }

// bgArticle removes the postfixed definite article: -ът/-ят (клиентът,
// потребителят; -ят is also the 3rd plural платят, which then meets
// платя), -ият (новият), -та after а/я (фактурата) or after a feminine
// -ост/-ест/-щ noun (сигурността, помощта), -то after a vowel (мястото,
// менюто), -те after the plural -и (клиентите) and in -овете/-евете
// (кодовете). Other words in -ете are verbs (изпратете) and go to bgEnding
// whole, so that -ете is not mistaken for article plus -е.
func bgArticle(s string) string {
	for _, a := range []string{"ият", "ът", "ят"} {
		if strings.HasSuffix(s, a) && bgKeeps(s, len(a)) {
			return s[:len(s)-len(a)]
		}
	}
	if hasAnySuffix(s, "овете", "евете") {
		return strings.TrimSuffix(s, "те")
	}
	for _, a := range []struct{ art, after string }{
		{"та", "ая"}, {"то", "оеиую"}, {"те", "и"},
	} {
		stem, ok := strings.CutSuffix(s, a.art)
		if !ok || !bgKeeps(s, len(a.art)) {
			continue
		}
		if strings.ContainsRune(a.after, lastRune(stem)) {
			return stem
		}
		if a.art == "та" && hasAnySuffix(stem, "ост", "ест", "щ") {
			return stem
		}
	}
	return s
}

// bgEndings are removed one at a time, longest first: masculine plurals,
// the vowel pairs of -ия/-ие/-ий nouns and plurals (информация, информации,
// приложение, критерий), present, aorist and imperative verb endings
// (изтрий, изтрийте) and the final vowels. Verb
// 1st plural -ем/-им and 3rd plural -ат are absent because проблем,
// режим and формат end like that.
var bgEndings = sortedEndings(
	"ове", "еве",
	"ия", "ии", "ие",
	"ахме", "яхме", "ихме", "ахте", "яхте", "ихте", "аха", "яха", "иха",
	"ах", "ях", "их", "аме", "яме", "ате", "яте", "ете", "аш", "яш", "еш", "иш", "ам", "ям",
	"айте", "яйте", "ийте", "ейте", "ий",
	"а", "я", "о", "е", "и", "ъ",
)

// bgEnding removes one ending. -еве becomes -й as in Lucene (краеве/край).
// 3rd plural -ат is removed only after в щ ч ш ж or -ир-, where no noun
// ends in -ат (използват, плащат, регистрират, but формат); imperative
// -ай likewise only after в щ or -ир- (използвай, анулирай, but случай).
func bgEnding(s string) string {
	if stem, ok := strings.CutSuffix(s, "ат"); ok && bgKeeps(s, len("ат")) &&
		(strings.ContainsRune("вщчшж", lastRune(stem)) || strings.HasSuffix(stem, "ир")) {
		return stem
	}
	if stem, ok := strings.CutSuffix(s, "ай"); ok && bgKeeps(s, len("ай")) &&
		(strings.ContainsRune("вщ", lastRune(stem)) || strings.HasSuffix(stem, "ир")) {
		return stem
	}
	e, ok := longestIn(s, 0, bgEndings, func(stem, _ string) bool {
		return utf8.RuneCountInString(stem) >= 3
	})
	if !ok {
		return s
	}
	if e == "еве" {
		return s[:len(s)-len(e)] + "й"
	}
	return s[:len(s)-len(e)]
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// bgNounForms are the endings a masculine noun takes: short and full
// article, plural with and without article, -ове plural.
var bgNounForms = sortedEndings("а", "ът", "и", "ите", "ове", "овете")

// bgNounStems are masculine nouns in -ат whose short definite form (-ата:
// резултата) looks like a feminine noun with the -та article. формат is
// absent on purpose: формата is more often the definite form of форма.
var bgNounStems = setOf(
	"резултат", "сертификат", "кандидат", "адресат", "апарат", "автомат",
	"депутат",
)
