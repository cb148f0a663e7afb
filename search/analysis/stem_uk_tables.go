package analysis

// Ending tables of the Ukrainian stemmer (stem_uk.go). Each group is tried
// longest ending first; an ending only counts when it lies inside RV, the
// part of the word after its first vowel, so short roots are never eaten.

// ukGerunds are the adverbial participles (дієприслівники): past -вши
// with its thematic vowel (отримавши, натиснувши) and present -учи/-ючи/
// -ачи/-ячи (використовуючи, сидячи). No noun ends like this.
var ukGerunds = sortedEndings(
	"авши", "явши", "ивши", "івши", "увши", "ївши", "вши",
	"учи", "ючи", "ачи", "ячи",
)

// ukAdjectival are the long-adjective (and participle) case endings; the
// soft variants -ього/-ьому/-ьої/-ьою reduce to these plus ь, which is
// dropped later. Participle suffixes (-ан-, -ен-, -т-) are removed after
// the ending, by ukParticiple, from every form alike, so збережений,
// збережена and the impersonal збережено meet, and змінений meets змінити.
var ukAdjectival = sortedEndings(
	"ого", "ому", "ими", "іми", "ий", "ій", "им", "ім", "их", "іх", "ої", "ою",
)

// ukVerb are the verb endings: infinitive, analytic future (-тиму...), the
// present of both conjugations, imperative and the -ться 3rd person left
// after the reflexive particle is gone. The past tense is not here: -ла/-ли/
// -ло are removed as noun endings and the masculine -в is rewritten to -л
// (ukPastMasc), so забув, забула and забули all stem to "забул". The past
// cannot be merged with the infinitive because -али, -ила, -ало are also the
// plain case forms of nouns in -ал, -ил (канали, правило).
var ukVerb = sortedEndings(append([]string{
	"ати", "яти", "ити", "іти", "їти", "ути", "увати", "ювати",
	"еш", "єш", "иш", "їш", "ить", "їть", "ать", "ять", "уть", "ють",
	"еть", "єть", "емо", "ємо", "имо", "їмо", "ете", "єте", "ите", "їте",
	"іть", "іте", "імо", "ймо", "йте",
}, ukFuture()...)...)

// ukFuture builds the analytic future forms (робитиму, працюватимуть).
func ukFuture() []string {
	var out []string
	for _, stem := range []string{"а", "я", "и", "і", "ї", "у", "ува", "юва"} {
		for _, end := range []string{"тиму", "тимеш", "тиме", "тимемо", "тимете", "тимуть"} {
			out = append(out, stem+end)
		}
	}
	return out
}

// ukPastMasc are masculine past endings whose -в corresponds to the -л- of
// the other past forms (отримав/отримала, змінив/змінила). -ів is absent on
// purpose: it is the genitive plural of most masculine nouns (файлів).
var ukPastMasc = sortedEndings("ав", "яв", "ив", "ув")

// ukNoun are the noun case endings of all declensions. -ові/-еві/-єві are
// handled separately (ukDativeAgent) because the same strings are the
// plural of -овий adjectives (тестові) and the locative of -ова nouns
// (умові).
var ukNoun = sortedEndings(
	"ями", "ами", "ьми", "има", "ях", "ах", "ям", "ам", "ів", "їв", "ей",
	"ою", "ею", "єю", "ом", "ем", "єм", "ій",
	"а", "я", "о", "е", "є", "у", "ю", "і", "ї", "и", "й", "ь",
)

// ukDativeAgent are the suffixes of person nouns (користувач, власник,
// клієнт, адміністратор) after which the masculine dative -ові/-еві is
// removed; elsewhere only its final -і goes.
var ukDativeAgent = sortedEndings(
	"ач", "яч", "ник", "ент", "єнт", "тор", "ер", "ист", "іст", "ант", "ар", "яр", "ц",
)

// ukNounStems are noun stems whose case forms look like verb or adjective
// forms: plural результати reads as an infinitive in -ати, режим as an
// instrumental adjective, програм (gen. pl.) as a dative in -ам, заяв as a
// past tense in -яв. A word made of one of these stems and a noun ending
// stems to the stem itself. The list covers the help-desk vocabulary; any
// other such noun is mis-stemmed only in those colliding forms.
var ukNounStems = setOf(
	// -ат/-ят/-ит/-іт/-ут: nominative plural or genitive singular in -ти
	"результат", "формат", "сертифікат", "апарат", "автомат", "кандидат",
	"адресат", "оплат", "доплат", "передоплат", "передплат", "виплат",
	"сплат", "зарплат", "плат", "дат", "цитат", "кредит", "ліміт", "депозит",
	"транзит", "візит", "запит", "атрибут", "маршрут", "інститут", "статут", "пам'ят",
	// -им/-ім, -ем/-ом/-ам: adjective or instrumental look-alikes
	"режим", "програм", "проблем", "систем", "схем", "дилем", "діаграм",
	"теорем", "модем", "альбом", "диплом", "атом",
	// -ав/-ив/-ів: past-tense look-alikes
	"заяв", "держав", "підстав", "рукав", "актив", "мотив", "масив",
	"об'єктив", "архів", "альтернатив", "перспектив", "ініціатив", "директив",
)
