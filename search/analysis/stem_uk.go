package analysis

import (
	"strings"
	"unicode/utf8"
)

// stemUK is a light Ukrainian stemmer in the manner of Snowball's Russian
// algorithm: it removes one inflectional ending found inside RV (gerund,
// else reflexive particle followed by adjectival, verb or noun ending), then
// tidies the stem so that the forms of one word meet: j-stems, soft sign,
// fleeting vowels, doubled consonants, к/ц before -і and the і/о alternation
// of closed syllables. Words with non-Cyrillic letters and words shorter than
// three letters are returned unchanged. Input must be normalised.
func stemUK(w string) string {
	if utf8.RuneCountInString(w) < 3 || !isCyrillicWord(w) {
		return w
	}
	if s, ok := protectedStem(w, ukNoun, ukNounStems); ok {
		return s
	}
	rv := regionAfterVowel(w, 0, isUKVowel)
	s, ending, adjectival := ukInflection(w, rv)
	s = ukTidy(s, ending, adjectival, rv)
	if utf8.RuneCountInString(s) < 2 {
		return w
	}
	return s
}

func isUKVowel(r rune) bool { return strings.ContainsRune("аеєиіїоуюя", r) }

// ukInflection is step 1: it removes the longest ending of the first group
// that has one inside RV and returns the stem, the ending removed and
// whether it was adjectival.
func ukInflection(s string, rv int) (stem, ending string, adjectival bool) {
	if e, ok := longestIn(s, rv, ukGerunds, nil); ok {
		return s[:len(s)-len(e)], e, false
	}
	if e, ok := longestIn(s, rv, []string{"ся", "сь"}, ukReflexiveOK); ok {
		s = s[:len(s)-len(e)]
		if e, ok := longestIn(s, rv, ukGerunds, nil); ok { // використовуючись
			return s[:len(s)-len(e)], e, false
		}
	}
	if e, ok := longestIn(s, rv, ukAdjectival, nil); ok {
		return s[:len(s)-len(e)], e, true
	}
	if strings.HasSuffix(s, "шов") && len(s)-len("шов") >= rv { // прийшов/прийшла
		return strings.TrimSuffix(s, "ов") + "л", "", false
	}
	if _, ok := longestIn(s, rv, ukPastMasc, nil); ok {
		return strings.TrimSuffix(s, "в") + "л", "", false
	}
	if e, ok := longestIn(s, rv, ukVerb, nil); ok {
		return s[:len(s)-len(e)], e, false
	}
	for _, e := range []string{"ові", "еві", "єві"} {
		if stem, ok := strings.CutSuffix(s, e); ok && len(stem) >= rv {
			if _, agent := longestIn(stem, 0, ukDativeAgent, nil); agent {
				return stem, e, false
			}
		}
	}
	if e, ok := longestIn(s, rv, ukNoun, nil); ok {
		return s[:len(s)-len(e)], e, false
	}
	return s, "", false
}

// ukReflexiveOK admits -ся/-сь only after what can precede the particle in
// a verb (a vowel, or ь в ш й as in -ться, -вся, -шся, -йся), so that
// волосся keeps its doubled с.
func ukReflexiveOK(stem, _ string) bool {
	r := lastRune(stem)
	return isUKVowel(r) || strings.ContainsRune("ьвшй", r)
}

// ukTidy is the rest of the algorithm; the order of the rules matters and
// is explained on each.
func ukTidy(s, ending string, adjectival bool, rv int) string {
	// j-stems: after an ending spelt with є ї ю я or й the vowel before it
	// belongs to the ending too (пристро-ю, ліні-я, працю-ють, музе-ю), so
	// it goes, and пристрій/пристрою/пристроями all give "пристр".
	tsiya := ending == "ій" // -ція noun, see the к/ц rule below
	if first, _ := utf8.DecodeRuneInString(ending); strings.ContainsRune("єїюяй", first) {
		if r := lastRune(s); isUKVowel(r) && len(s)-utf8.RuneLen(r) >= rv {
			s, tsiya = dropLast(s), r == 'і'
			if r == 'ю' {
				s = ukEpenthesis(s) // встановлю-ю, встановлю-є
			}
		}
	}
	if ending == "ять" || ending == "ячи" {
		s = ukEpenthesis(s) // 3rd plural and gerund of -ити verbs: встановлять, встановлячи
	}
	// Comparative -іш- (новіший) joins the positive degree.
	if adjectival && strings.HasSuffix(s, "іш") && len(s)-len("іш") >= rv {
		s = strings.TrimSuffix(s, "іш")
	}
	s = strings.TrimRight(s, "ь'")
	// Doubled consonants of -ння/-ття nouns are single in the genitive
	// plural (налаштування/налаштувань, стаття/статей, відповіддю).
	s, doubledN := ukUndouble(s)
	if root, ok := ukParticiple(s, ending == "ь"); ok {
		s, doubledN = ukEpenthesis(root), false
	}
	// The alternation comes before the fleeting vowels: потік must become
	// "поток" before -ок loses its о, as потоку does.
	s = ukAlternation(s)
	s = ukFleeting(s, ending == "ь" || doubledN)
	s, _ = ukUndouble(s) // повернен → поверн+н → поверн
	// к→ц before -і (кнопка/кнопці, рік/році, практика/практиці). The
	// rewrite back to к is applied to every stem ending in ц, so words
	// with a real ц (таблиця, таблиці, таблицю) change in all forms alike
	// and still conflate. Nouns in -ція are the exception: their ц always
	// stands before і and a j-ending (позиція, позиції, позицій), so they
	// are recognised and keep ц; otherwise позиція would meet позика (loan)
	// in "позик". г→з and х→с (допомога/допомозі) are not undone: з→г
	// would merge база with баг.
	if before, ok := strings.CutSuffix(s, "ц"); ok && hasUKVowel(before) && !tsiya {
		s = before + "к"
	}
	// Derivational -ість/-ості (швидкість, швидкості) is removed in R2, as
	// Snowball removes -ость; the і→о rewrite first makes both forms agree.
	if strings.HasSuffix(s, "іст") && ukConsonantBefore(s, len(s)-len("іст")) {
		s = strings.TrimSuffix(s, "іст") + "ост"
	}
	if strings.HasSuffix(s, "ост") {
		r2 := regionR1(s, regionR1(s, 0, isUKVowel), isUKVowel)
		if len(s)-len("ост") >= r2 {
			s = strings.TrimSuffix(s, "ост")
		}
	}
	return s
}

// ukConsonantBefore reports whether the rune ending at byte offset i is a
// consonant letter.
func ukConsonantBefore(s string, i int) bool {
	r := lastRune(s[:i])
	return i > 0 && !isUKVowel(r) && r != 'ь' && r != Apostrophe
}

// ukUndouble makes a final doubled consonant single and reports whether it
// was нн, which ukFleeting treats like -нь (повідомлення/повідомлень).
func ukUndouble(s string) (string, bool) {
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 || isUKVowel(r) || r != lastRune(s[:len(s)-n]) {
		return s, false
	}
	return s[:len(s)-n], r == 'н'
}

func hasUKVowel(s string) bool { return strings.IndexFunc(s, isUKVowel) >= 0 }

// ukParticipleSuffixes are the suffixes of passive participles (змінений,
// зашифрований, стиснутий, відкритий) and, once ukUndouble has made нн
// single, of verbal nouns (налаштування, створення). Without them the
// participle, the verbal noun and the verb of one lemma stem apart:
// змінені/змінити, створення/створити, шифрування/зашифрувати.
var ukParticipleSuffixes = sortedEndings("ован", "уван", "юван", "ан", "ян", "ен", "єн", "ут", "ит")

// ukParticiple removes a participle or verbal-noun suffix when at least four
// letters stay, so short nouns that merely end alike (екран, домен, токен,
// план, код/кодування) keep their stem; soft says the stem stood before ь.
// There -ен is the genitive plural of an -ення noun only after л ч ж ш щ р
// (повідомлень, створень); after other consonants it is a masculine noun
// in -ень (вересень/вересня), which ukFleeting joins instead.
func ukParticiple(s string, soft bool) (string, bool) {
	for _, suf := range ukParticipleSuffixes {
		root, ok := strings.CutSuffix(s, suf)
		if !ok {
			continue
		}
		if soft && (suf == "ен" || suf == "єн") && !strings.ContainsRune("лчжшщр", lastRune(root)) {
			return s, false
		}
		if utf8.RuneCountInString(root) >= 4 && hasUKVowel(root) {
			return root, true
		}
		return s, false
	}
	return s, false
}

// ukEpenthesis drops the л that Ukrainian inserts after a labial before
// -ений/-ення/-ю (встановити/встановлений/встановлення, повідомити/
// повідомлення), once the participle suffix is gone.
func ukEpenthesis(s string) string {
	if root, ok := strings.CutSuffix(s, "л"); ok && utf8.RuneCountInString(root) >= 4 && strings.ContainsRune("бвмпф", lastRune(root)) {
		return root
	}
	return s
}
