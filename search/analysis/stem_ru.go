package analysis

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/russian"
)

// stemRU applies Snowball Russian and then repairs what it leaves apart in
// common help-desk words: nouns whose forms it reads as verbs or adjectives
// (ruNounStems), the -ова- of -овать verbs and the fleeting о/е.
func stemRU(w string) string {
	if s, ok := protectedStem(w, ruNoun, ruNounStems); ok {
		return s
	}
	env := snowballstem.NewEnv(w)
	russian.Stem(env)
	s := env.Current()
	if !isCyrillicWord(s) {
		return s
	}
	return ruFleeting(ruVerb(ruParticiple(w, s)), strings.HasSuffix(w, "ень"))
}

// ruParticiple drops the -ен- Snowball keeps in full passive participles
// (оплаченного → "оплачен") but removes from the short ones (оплачен,
// оплачена → "оплач"), so that "счёт оплачен" finds "оплаченный счёт".
// Nouns in -ение (изменение) keep it: their -ен- is not followed by нн.
func ruParticiple(w, s string) string {
	before, ok := strings.CutSuffix(s, "ен")
	if ok && strings.HasPrefix(w, s) && strings.HasPrefix(w[len(before):], "енн") &&
		hasRUVowel(before) && utf8.RuneCountInString(before) >= 3 {
		return before
	}
	return s
}

func isRUVowel(r rune) bool { return strings.ContainsRune("аеиоуыэюяё", r) }

func hasRUVowel(s string) bool { return strings.IndexFunc(s, isRUVowel) >= 0 }

// ruNoun are Snowball Russian's noun endings, for ruNounStems.
var ruNoun = sortedEndings(
	"иями", "ями", "ами", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи",
	"ии", "ей", "ой", "ий", "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью",
	"ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я",
)

// ruNounStems are nouns Snowball cuts into because some of their forms end
// like a verb or adjective: лимит (-ит), режим (-им), проблем and систем as
// genitive plurals (-ем), домен, отмена, замена (-ен, -ена), канал, экран
// (past -л, -н after а: канал → "кана" but канале → "канал"), правило
// (-ило). All their forms stem to the noun itself; the related verbs
// (отменить → "отмен") meet them there.
var ruNounStems = setOf(
	"лимит", "кредит", "депозит", "транзит", "визит", "реквизит", "дефицит",
	"алфавит", "опыт", "режим", "проблем", "систем", "схем", "модем",
	"тандем", "домен", "обмен", "феномен", "отмен", "замен", "подмен",
	"перемен", "канал", "журнал", "сигнал", "материал", "терминал",
	"интервал", "портал", "квартал", "оригинал", "персонал", "капитал",
	"финал", "номинал", "потенциал", "экран", "орган", "правил",
)

// ruVerb joins verb forms Snowball leaves apart: it removes -ует/-уют but
// keeps the -ова-/-ева- of the infinitive and past (использовать →
// "использова", использует → "использ"), and -шел keeps the е the other
// past forms lack (пришел/пришла).
func ruVerb(s string) string {
	if before, ok := strings.CutSuffix(s, "шел"); ok {
		return before + "шл"
	}
	for _, suf := range []string{"ова", "ева"} {
		if before, ok := strings.CutSuffix(s, suf); ok && !isRUVowel(lastRune(before)) &&
			hasRUVowel(before) && utf8.RuneCountInString(before) >= 3 {
			return before
		}
	}
	return s
}

// ruFleeting restores the fleeting о/е Snowball leaves in some forms only
// (звонок/звонка, список/списка, ошибка/ошибок, продавец/продавца,
// уровень/уровня) and the -ек genitive plural of -йка nouns
// (настройка/настроек). Like ukFleeting, each rewrite is applied to every
// stem with that ending, so words whose о/е is stable (урок/урока) still
// have agreeing forms, and it needs a vowel in front so that short roots
// (срок, чек, день) stay whole. -ен is only shortened when the word itself
// ended in -ень (softEn), because Snowball leaves -ен on many other stems
// (изменен).
func ruFleeting(s string, softEn bool) string {
	if before, ok := strings.CutSuffix(s, "ек"); ok && isRUVowel(lastRune(before)) && hasRUVowel(dropLast(before)) {
		return before + "йк" // настроек → настройк
	}
	for _, suf := range []string{"ок", "ек"} {
		if before, ok := strings.CutSuffix(s, suf); ok && hasRUVowel(before) && !isRUVowel(lastRune(before)) {
			return before + "к"
		}
	}
	if before, ok := strings.CutSuffix(s, "ец"); ok && hasRUVowel(before) {
		return before + "ц"
	}
	if before, ok := strings.CutSuffix(s, "ен"); ok && softEn && hasRUVowel(before) {
		return before + "н"
	}
	return s
}
