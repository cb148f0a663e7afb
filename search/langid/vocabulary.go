package langid

// The vocabulary of help-center queries: accounts, passwords, billing,
// invoices, banks, apps. A two-word query ("сбросить пароль", "забравена
// парола") rarely has a function word or a decisive letter, but its nouns
// and verbs are spelt differently in the three languages (ru счет, uk
// рахунок, bg сметка). Entries carry evidence as the lexicon's do: 1 for a
// word of one language, 1 each for a word two languages share (which
// still rules out the third).

// vocabularyOf returns the evidence of word: its entry in helpWords, else
// the entry of the longest stem in helpStems it starts with. Only the
// first maxStemRunes letters are looked at, so a long word costs no more
// than a short one.
func vocabularyOf(word string) ([3]float64, bool) {
	if w, ok := helpWords[word]; ok {
		return w, true
	}
	var best [3]float64
	found, n := false, 0
	for i := range word {
		if n >= minStemRunes {
			if w, ok := helpStems[word[:i]]; ok {
				best, found = w, true
			}
		}
		if n++; n > maxStemRunes {
			return best, found
		}
	}
	if w, ok := helpStems[word]; ok && n >= minStemRunes {
		return w, true
	}
	return best, found
}

// The lengths of stems, in letters: long enough not to catch unrelated
// words, short enough to bound the lookup.
const (
	minStemRunes = 4
	maxStemRunes = 12
)

// helpWords are whole words: forms whose stem the other languages share
// (ru профиль, bg профил) or that are too short to be stems.
var helpWords = map[string][3]float64{
	// Russian.
	"ндс": ev(1, 0, 0), "счет": ev(1, 0, 0), "счета": ev(1, 0, 0), "счете": ev(1, 0, 0),
	"профиль": ev(1, 0, 0), "профиля": ev(1, 0, 0), "профиле": ev(1, 0, 0),
	"платеж": ev(1, 0, 0), "платежа": ev(1, 0, 0), "платежей": ev(1, 0, 0),
	"прошел": ev(1, 0, 0), "прошла": ev(1, 0, 0), "войти": ev(1, 0, 0),
	"пришел": ev(1, 0, 0), "смена": ev(1, 0, 0), "смены": ev(1, 0, 0),
	"доступа": ev(1, 0, 0), "об": ev(1, 0, 0),
	// Ukrainian.
	"пдв": ev(0, 1, 0), "друк": ev(0, 1, 0), "доступу": ev(0, 1, 0),
	// Bulgarian.
	"ддс": ev(0, 0, 1), "парола": ev(0, 0, 1), "паролата": ev(0, 0, 1),
	"профил": ev(0, 0, 1), "профила": ev(0, 0, 1), "печат": ev(0, 0, 1),
	"цени": ev(0, 0, 1), "начин": ev(0, 0, 1), "покани": ev(0, 0, 1),
	"работи":  ev(0, 0, 0.5), // also the Russian imperative
	"банкова": ev(0, 0, 1), "банков": ev(0, 0, 1),
	"банкови": ev(0, 0, 1), "имейл": ev(0, 0, 1), "разписка": ev(0, 0, 1),
	"пробен": ev(0, 0, 1), "безплатен": ev(0, 0, 1), "годишен": ev(0, 0, 1),
	// Shared by two.
	"оплата": ev(1, 1, 0), "тариф": ev(1, 1, 0), "банк": ev(1, 1, 0),
	"через": ev(1, 1, 0), "логин": ev(1, 0, 1), "отчет": ev(1, 0, 1),
	"вход": ev(1, 0, 1),
}

// helpStems are prefixes of inflected words (сброс: сбросить, сброса).
var helpStems = map[string][3]float64{
	// Russian.
	"сброс": ev(1, 0, 0), "восстанов": ev(1, 0, 0), "удал": ev(1, 0, 0),
	"учетн": ev(1, 0, 0), "учётн": ev(1, 0, 0), "отмен": ev(1, 0, 0),
	"подписк": ev(1, 0, 0), "вернут": ev(1, 0, 0), "верни": ev(1, 0, 0),
	"деньг": ev(1, 0, 0), "денег": ev(1, 0, 0), "возврат": ev(1, 0, 0),
	"сотрудник": ev(1, 0, 0), "подтвержд": ev(1, 0, 0), "письм": ev(1, 0, 0),
	"пришл": ev(1, 0, 0), "аккаунт": ev(1, 0, 0), "смен": ev(1, 0, 1),
	"сверк": ev(1, 0, 0), "напомин": ev(1, 0, 0), "двухфактор": ev(1, 0, 0),
	"бесплат": ev(1, 0, 0), "коллег": ev(1, 0, 0), "ошибк": ev(1, 0, 0),
	// Ukrainian.
	"рахун": ev(0, 1, 0), "надход": ev(0, 1, 0), "забув": ev(0, 1, 0),
	"забул": ev(0, 1, 0), "частков": ev(0, 1, 0), "безкоштов": ev(0, 1, 0),
	"картк": ev(0, 1, 0), "пошт": ev(0, 1, 0), "застосун": ev(0, 1, 0),
	"двофактор": ev(0, 1, 0), "скасув": ev(0, 1, 0), "помилк": ev(0, 1, 0),
	// Bulgarian.
	"забрав": ev(0, 0, 1), "смян": ev(0, 0, 1), "промян": ev(0, 0, 1),
	"нулир": ev(0, 0, 1), "изтри": ev(0, 0, 1), "абонамент": ev(0, 0, 1),
	"прекратя": ev(0, 0, 1), "изпращ": ev(0, 0, 1), "грешк": ev(0, 0, 1),
	"плащ": ev(0, 0, 1), "сметк": ev(0, 0, 1), "бележк": ev(0, 0, 1),
	"продажб": ev(0, 0, 1), "мобилн": ev(0, 0, 1), "двуфактор": ev(0, 0, 1),
	"получав": ev(0, 0, 1), "пристиг": ev(0, 0, 1),
	// Shared by two.
	"клиент": ev(1, 0, 1), "средств": ev(1, 0, 1), "акаунт": ev(0, 1, 1),
	"експорт": ev(0, 1, 1), "колег": ev(0, 1, 1), "продаж": ev(1, 1, 0),
	"приход": ev(1, 1, 0), "оплат": ev(1, 1, 0), "счетовод": ev(1, 0, 1),
}
