package search

import (
	"slices"
	"strings"
)

// The formulas of a customer message in the four languages: what a
// greeting, a sign-off or a number's label says is politeness or
// bookkeeping, never the topic, yet its words ("ответа", "договора",
// "день") are rare in a help center and would pick the candidates. The
// tables are read-only and matched on folded words (foldWord).

// formulas are greetings, thanks, sign-offs and pleas, each a sequence of
// words, removed wherever they stand. Words that are also ordinary words
// ("best", "team") appear only inside longer formulas.
var formulas = phraseTable(
	// ru
	"здравствуйте", "здравствуй", "здрасьте", "привет", "приветствую", "добрый день", "добрый вечер",
	"доброе утро", "доброго дня", "доброго времени суток", "уважаемая служба поддержки",
	"уважаемая поддержка", "уважаемые коллеги", "спасибо", "большое спасибо", "спасибо большое",
	"спасибо вам", "спасибо вам большое",
	"заранее спасибо", "спасибо заранее", "спасибо за помощь", "спасибо за ответ", "благодарю",
	"заранее благодарю", "с уважением", "с наилучшими пожеланиями", "всего доброго", "всего хорошего",
	"хорошего дня", "жду ответа", "жду ответ", "жду вашего ответа", "жду скорейшего ответа",
	"жду скорого ответа", "жду обратной связи", "надеюсь на скорый ответ", "надеюсь на вашу помощь",
	"буду благодарен", "буду благодарна", "буду признателен", "буду признательна", "помогите",
	"помогите пожалуйста", "пожалуйста помогите", "подскажите пожалуйста", "как дела", "как у вас дела",
	"как ваши дела", "как поживаете", "вы лучшие", "вы молодцы",
	// uk
	"добрий день", "добрий вечір", "доброго ранку", "доброго вечора", "вітаю", "привіт", "здрастуйте",
	"шановна підтримко", "шановна служба підтримки", "дякую", "дуже дякую", "щиро дякую", "дякую вам", "дуже вам дякую",
	"заздалегідь дякую", "дякую заздалегідь", "дякую за допомогу", "дякую за відповідь", "з повагою",
	"чекаю на відповідь", "чекаю відповіді", "чекаю на вашу відповідь", "чекаю вашої відповіді",
	"гарного дня", "всього найкращого", "буду вдячний", "буду вдячна", "допоможіть",
	"допоможіть будь ласка", "будь ласка допоможіть", "підкажіть будь ласка", "як справи",
	"як у вас справи", "ви найкращі", "ви молодці",
	// bg
	"здравейте", "здравей", "здрасти", "добър ден", "добро утро", "добър вечер", "благодаря",
	"благодаря ви", "благодаря предварително", "предварително благодаря", "благодаря за помощта",
	"с уважение", "с поздрав", "поздрави", "поздрав", "очаквам отговор", "очаквам отговора ви",
	"очаквам вашия отговор", "очаквам отговор от вас", "чакам отговор", "чакам отговора ви",
	"хубав ден", "лек ден", "всичко хубаво", "ще съм благодарен", "ще съм благодарна",
	"ще бъда благодарен", "ще бъда благодарна", "помогнете", "моля помогнете", "как си", "как сте",
	"как сте днес", "вие сте най-добрите", "вие сте страхотни",
	// en
	"hi", "hello", "hey", "hi there", "hello there", "hi team", "hello team", "hey team", "hi all",
	"hello all", "hi guys", "dear support", "dear support team", "dear team", "dear sir or madam",
	"dear sir", "dear madam", "good morning", "good afternoon", "good evening", "greetings", "thanks",
	"thank you", "thanks so much", "thank you so much", "thanks in advance", "thank you in advance",
	"many thanks", "thanks a lot",
	"thank you very much", "thanks for your help", "much appreciated", "best regards", "kind regards",
	"warm regards", "regards", "best wishes", "cheers", "sincerely", "yours sincerely",
	"yours faithfully", "yours truly", "looking forward to your reply", "looking forward to your answer",
	"looking forward to hearing from you", "waiting for your reply", "waiting for your answer",
	"have a nice day", "have a great day", "please help", "please advise", "help please",
	"can you help", "can you please help", "could you help", "hope you can help",
	"any help is appreciated", "any help would be appreciated", "how are you", "how are you doing",
	"how are you doing today", "how is it going", "you are the best", "you're the best", "you guys rock",
)

// signOffs start the lines after which a message has only a signature.
// "best" is one only at the start of such a line.
var signOffs = phraseTable(
	"с уважением", "с наилучшими пожеланиями", "всего доброго", "всего хорошего", "спасибо",
	"заранее спасибо", "благодарю", "з повагою", "дякую", "заздалегідь дякую", "всього найкращого",
	"с уважение", "с поздрав", "поздрави", "поздрав", "благодаря", "всичко хубаво", "best regards",
	"kind regards", "warm regards", "regards", "best", "best wishes", "cheers", "thanks", "thank you",
	"many thanks", "sincerely", "yours sincerely", "yours faithfully", "yours truly",
	"отправлено с", "отправлено из", "надіслано з", "изпратено от", "sent from my",
)

// idLabels name the number that follows them: "номер договора 99812345",
// "order no. 123". They are removed only before a number or an id, with
// the small words between them (idGlue).
var idLabels = wordSet(
	"номер", "договор", "договора", "договору", "заказ", "заказа", "заявка", "заявки", "обращение",
	"обращения", "тикет", "тикета", "контракт", "контракта", "лицевой", "клиента", "договір",
	"замовлення", "звернення", "заявку", "поръчка", "поръчката", "поръчка", "договорът",
	"order", "contract", "ticket", "case", "request", "reference", "ref", "number", "no", "nr", "id",
)

var idGlue = wordSet("на", "моего", "моей", "нашего", "нашей", "мого", "моєї", "нашого", "my", "our",
	"the", "of", "мой", "мій", "моя")

// numberUnits follow (or, for currencies, precede) a number: currencies,
// months and the words of dates. Durations ("14 дней", "24 hours") are
// kept: they say what the customer asks about.
var numberUnits = wordSet(
	"руб", "рублей", "рубля", "рубль", "р", "коп", "копеек", "тыс", "тысяч", "тысячи", "млн",
	"долларов", "доллара", "доллар", "евро", "грн", "гривень", "гривні", "гривня", "гривен", "доларів",
	"долара", "лв", "лева", "лев", "ст", "стотинки", "usd", "eur", "euro", "euros", "dollars", "dollar",
	"uah", "rub", "bgn", "gbp", "pounds", "k", "к",
	"числа", "число", "го", "года", "году", "год", "г", "року", "рік", "година", "годината",
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
	"ноября", "декабря", "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
	"вересня", "жовтня", "листопада", "грудня", "януари", "февруари", "март", "април", "май", "юни",
	"юли", "август", "септември", "октомври", "ноември", "декември", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm",
)

// numberJoins join two numbers into one: "12 и 13 числа", "5 to 7".
var numberJoins = wordSet("и", "і", "та", "й", "или", "або", "или", "and", "or", "to", "до", "-", "–", "—")

// ordinalSuffixes end a number written with letters: "3rd", "12-го", "100р".
var ordinalSuffixes = wordSet("st", "nd", "rd", "th", "го", "й", "е", "я", "ое", "ий", "ый", "ой",
	"му", "м", "х", "ви", "ри", "ти", "ми", "те", "р", "руб", "грн", "лв", "k", "к", "тыс", "am", "pm", "eur", "usd")

// phrases maps a formula's first word to its word sequences, longest first.
type phrases map[string][][]string

func phraseTable(list ...string) phrases {
	out := phrases{}
	for _, p := range list {
		ws := strings.Fields(p)
		out[ws[0]] = append(out[ws[0]], ws)
	}
	for _, l := range out {
		slices.SortStableFunc(l, func(a, b []string) int { return len(b) - len(a) })
	}
	return out
}

// longest returns the length of the longest formula that starts words, or 0.
func (p phrases) longest(words []string) int {
	if len(words) == 0 {
		return 0
	}
	for _, ws := range p[words[0]] {
		if len(ws) <= len(words) && slices.Equal(ws, words[:len(ws)]) {
			return len(ws)
		}
	}
	return 0
}

// wordSet builds a read-only lookup table.
func wordSet(list ...string) map[string]bool {
	out := make(map[string]bool, len(list))
	for _, w := range list {
		out[w] = true
	}
	return out
}
