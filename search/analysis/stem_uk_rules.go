package analysis

import (
	"strings"
	"unicode/utf8"
)

// ukFleeting removes the fleeting о/е that appears only in some forms of a
// word, so that the stems of the forms with and without it agree:
//
//   - -ок (рахунок/рахунку, помилка/помилок): every stem ending in
//     consonant+ок loses the о, also where the о is stable (урок/уроку),
//     which keeps all forms of such words together as well;
//   - -ень/-ець before a soft sign (вересень/вересня, гаманець/гаманця,
//     повідомлень as the genitive plural), and -ен of -ення nouns
//     (повідомлення, whose нн ukUndouble has just made single), so that
//     both meet each other and verbs in -нути (повернення/повернути).
//
// soft says the stem stood before ь or нн. Each rewrite needs a vowel left
// in front, so short roots (день, блок) are kept whole.
func ukFleeting(s string, soft bool) string {
	if soft {
		for _, suf := range []string{"ен", "ец"} {
			if before, ok := strings.CutSuffix(s, suf); ok && hasUKVowel(before) {
				return before + strings.TrimPrefix(suf, "е")
			}
		}
	}
	if before, ok := strings.CutSuffix(s, "ок"); ok && hasUKVowel(before) && ukConsonantBefore(s, len(before)) {
		return before + "к"
	}
	return s
}

// ukAlternation undoes the і of a final closed syllable: Ukrainian writes і
// where the other forms of the word have о (вхід/входу, спосіб/способу,
// рік/року, дозвіл/дозволу) or, before ж, е (платіж/платежу). A stem whose
// last vowel is і followed by exactly one consonant gets о (е before ж);
// words with a stable і (сервіс/сервісу) change in every form alike and so
// still conflate. The price is an occasional merge of two short words
// (біт/бот), which the keep-apart lists watch.
func ukAlternation(s string) string {
	if utf8.RuneCountInString(s) < 3 {
		return s
	}
	last, n := utf8.DecodeLastRuneInString(s)
	if isUKVowel(last) || last == 'ь' || last == Apostrophe || last == 'й' {
		return s
	}
	head := s[:len(s)-n]
	if !strings.HasSuffix(head, "і") {
		return s
	}
	vowel := "о"
	if last == 'ж' {
		vowel = "е"
	}
	return strings.TrimSuffix(head, "і") + vowel + string(last)
}
