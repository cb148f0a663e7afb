package analysis

import (
	"strings"
	"unicode/utf8"
)

// bgConsonants undoes, on the bare stem, the changes that make the forms
// of one word differ, in an order where each rule sees the output of the
// previous one:
//
//   - -ец loses its fleeting е (продавец/продавци → "продавц");
//   - -ен loses its е as in Lucene (безплатен/безплатна → "безплатн");
//   - ц after a vowel goes back to к (ученици/ученик, знаци/знак,
//     данъци/данък); nouns with a real ц (страница, лице) then change in
//     every form alike and still conflate;
//   - -оз goes back to -ог (диалози/диалог, каталози/каталог);
//   - ъ before the final consonant is dropped as in Lucene (списък/списъка
//     and, after the ц rule, списъци → "списк"; филтър/филтри → "филтр").
func bgConsonants(s string) string {
	if before, ok := strings.CutSuffix(s, "ец"); ok && bgHasVowel(before) {
		s = before + "ц"
	} else if before, ok := strings.CutSuffix(s, "ен"); ok && bgHasVowel(before) && utf8.RuneCountInString(s) >= 5 {
		s = before + "н"
	}
	if before, ok := strings.CutSuffix(s, "ц"); ok && isBGVowel(lastRune(before)) {
		s = before + "к"
	}
	if before, ok := strings.CutSuffix(s, "оз"); ok && utf8.RuneCountInString(s) >= 5 {
		s = before + "ог"
	}
	if utf8.RuneCountInString(s) >= 5 {
		last, n := utf8.DecodeLastRuneInString(s)
		if head, ok := strings.CutSuffix(s[:len(s)-n], "ъ"); ok && !isBGVowel(last) {
			s = head + string(last)
		}
	}
	return s
}

func bgHasVowel(s string) bool { return strings.IndexFunc(s, isBGVowel) >= 0 }
