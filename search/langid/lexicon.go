package langid

// ev builds a lexicon or suffix weight: evidence for ru, uk, bg.
func ev(r, u, b float64) [3]float64 { return [3]float64{r, u, b} }

// lexicon holds function words and the everyday words of support
// messages (greetings, please, thanks) with their evidence per language.
// A word of one language weighs 1; a word two languages share weighs 0.5
// for each, which still counts against the third. Words all three share
// (не, на, за, в, по, до, при, а) carry no evidence and are left out.
// Words with a decisive letter (ы, і, ъ...) are listed when they are
// frequent anyway, so their word evidence adds to the letter's.
var lexicon = map[string][3]float64{
	// Russian.
	"что": ev(1, 0, 0), "чтобы": ev(1, 0, 0), "это": ev(1, 0, 0),
	"мне": ev(1, 0, 0), "меня": ev(1, 0, 0), "мой": ev(1, 0, 0),
	"могу": ev(1, 0, 0), "можно": ev(1, 0, 0), "может": ev(1, 0, 0),
	"нужно": ev(1, 0, 0), "надо": ev(1, 0, 0), "уже": ev(1, 0, 0),
	"очень": ev(1, 0, 0), "когда": ev(1, 0, 0), "где": ev(1, 0, 0),
	"почему": ev(1, 0, 0), "вы": ev(1, 0, 0), "он": ev(1, 0, 0),
	"она": ev(1, 0, 0), "они": ev(1, 0, 0), "если": ev(1, 0, 0),
	"есть": ev(1, 0, 0), "был": ev(1, 0, 0), "была": ev(1, 0, 0),
	"было": ev(1, 0, 0), "нет": ev(1, 0, 0), "еще": ev(1, 0, 0),
	"ещё": ev(1, 0, 0), "тоже": ev(1, 0, 0), "только": ev(1, 0, 0),
	"сейчас": ev(1, 0, 0), "теперь": ev(1, 0, 0), "опять": ev(1, 0, 0),
	"снова": ev(1, 0, 0), "какой": ev(1, 0, 0), "какая": ev(1, 0, 0),
	"какие": ev(1, 0, 0), "который": ev(1, 0, 0), "которые": ev(1, 0, 0),
	"к": ev(1, 0, 0), "со": ev(1, 0, 0), "из": ev(1, 0, 0),
	"пожалуйста": ev(1, 0, 0), "спасибо": ev(1, 0, 0),
	"здравствуйте": ev(1, 0, 0), "подскажите": ev(1, 0, 0),
	"добрый": ev(1, 0, 0), "помогите": ev(1, 0, 0), "сколько": ev(1, 0, 0),
	"ее": ev(1, 0, 0), "её": ev(1, 0, 0), "хотя": ev(1, 0, 0),
	"после": ev(1, 0, 0.5), // bg после is "later"

	// Ukrainian.
	"і": ev(0, 1, 0), "й": ev(0, 1, 0), "що": ev(0, 1, 0), "як": ev(0, 1, 0),
	"це": ev(0, 1, 0), "та": ev(0, 1, 0), "або": ev(0, 1, 0),
	"чи": ev(0, 1, 0), "від": ev(0, 1, 0), "мені": ev(0, 1, 0),
	"мене": ev(0, 1, 0), "мій": ev(0, 1, 0), "можу": ev(0, 1, 0),
	"можна": ev(0, 1, 0), "потрібно": ev(0, 1, 0), "треба": ev(0, 1, 0),
	"вже": ev(0, 1, 0), "дуже": ev(0, 1, 0), "коли": ev(0, 1, 0),
	"де": ev(0, 1, 0), "чому": ev(0, 1, 0), "щоб": ev(0, 1, 0),
	"але": ev(0, 1, 0), "також": ev(0, 1, 0), "теж": ev(0, 1, 0),
	"немає": ev(0, 1, 0), "його": ev(0, 1, 0), "зараз": ev(0, 1, 0),
	"знову": ev(0, 1, 0), "був": ev(0, 1, 0), "була": ev(0, 1, 0),
	"було": ev(0, 1, 0), "буде": ev(0, 1, 0), "з": ev(0, 1, 0),
	"із": ev(0, 1, 0), "зі": ev(0, 1, 0), "ласка": ev(0, 1, 0),
	"дякую": ev(0, 1, 0), "вітаю": ev(0, 1, 0), "добрий": ev(0, 1, 0),
	"допоможіть": ev(0, 1, 0), "підкажіть": ev(0, 1, 0),

	// Bulgarian.
	"е": ev(0, 0, 1), "са": ev(0, 0, 1), "съм": ev(0, 0, 1),
	"сте": ev(0, 0, 1), "сме": ev(0, 0, 1), "какво": ev(0, 0, 1),
	"това": ev(0, 0, 1), "този": ev(0, 0, 1), "тази": ev(0, 0, 1),
	"който": ev(0, 0, 1), "която": ev(0, 0, 1), "които": ev(0, 0, 1),
	"защо": ev(0, 0, 1), "защото": ev(0, 0, 1), "мога": ev(0, 0, 1),
	"искам": ev(0, 0, 1), "имам": ev(0, 0, 1), "нямам": ev(0, 0, 1),
	"има": ev(0, 0, 1), "няма": ev(0, 0, 1), "беше": ev(0, 0, 1),
	"вече": ev(0, 0, 1), "трябва": ev(0, 0, 1), "със": ev(0, 0, 1),
	"във": ev(0, 0, 1), "си": ev(0, 0, 1), "се": ev(0, 0, 1),
	"ме": ev(0, 0, 1), "го": ev(0, 0, 1), "ѝ": ev(0, 0, 1),
	"моля": ev(0, 0, 1), "благодаря": ev(0, 0, 1), "здравейте": ev(0, 0, 1),
	"нищо": ev(0, 0, 1), "нещо": ev(0, 0, 1), "къде": ev(0, 0, 1),
	"кога": ev(0, 0, 1), "колко": ev(0, 0, 1), "кой": ev(0, 0, 1),
	"след": ev(0, 0, 1), "към": ev(0, 0, 1), "още": ev(0, 0, 1),
	"също": ev(0, 0, 1), "само": ev(0, 0, 1), "аз": ev(0, 0, 1),
	"ние": ev(0, 0, 1), "вие": ev(0, 0, 1), "тя": ev(0, 0, 1),
	"той": ev(0, 0, 1), "сега": ev(0, 0, 1), "пак": ev(0, 0, 1),
	"ако": ev(0, 0, 1), "че": ev(0, 0, 1), "мен": ev(0, 0, 1),
	"тук": ev(0, 0, 1), "дали": ev(0, 0, 1), "обаче": ev(0, 0, 1),
	// да is the Bulgarian infinitive particle (мога да, искам да) and
	// only "yes" in Russian.
	"да": ev(0.3, 0, 1.5),

	// Shared by two of the three.
	"и": ev(0.5, 0, 0.5), "как": ev(1, 0, 0.5), // uk: як "от": ev(0.5, 0, 0.5),
	"с": ev(0.5, 0, 0.5), "но": ev(0.5, 0, 0.5), "или": ev(0.5, 0, 0.5),
	"ли": ev(0.5, 0, 1), "много": ev(0.5, 0, 0.5), "мои": ev(0.5, 0, 0.5),
	"для": ev(0.5, 0.5, 0), "хочу": ev(0.5, 0.5, 0), "у": ev(0.5, 0.5, 0),
	"так": ev(0.5, 0.5, 0), "ваш": ev(0.5, 0.5, 0), "же": ev(0.5, 0.5, 0),
	"тут": ev(0.5, 0.5, 0), "день": ev(0.5, 0.5, 0), "я": ev(0.5, 0.5, 0),
	"ви": ev(0, 0.5, 0.5), "ми": ev(0, 0.5, 1), "ще": ev(0, 0.5, 1),
	"може": ev(0, 0.5, 0.5), "ти": ev(0, 0.5, 0.5),
}

// suffixes are word endings typical of one language (or two), longest
// first; addSuffix applies the first that matches. minLen, in letters,
// keeps short words that happen to end alike out.
var suffixes = []struct {
	suffix string
	minLen int
	weight [3]float64
}{
	{"иране", 7, ev(0, 0, 1)}, // Bulgarian verbal nouns: импортиране; ru -ирование
	{"ване", 6, ev(0, 0, 1)},  // Bulgarian verbal nouns: обновяване
	{"ували", 7, ev(0, 1, 0)}, // Ukrainian past plural: заблокували; ru -овали
	{"иран", 6, ev(0, 0, 1)},  // Bulgarian participles: блокиран; ru -ирован
	{"ката", 6, ev(0, 0, 1)},  // Bulgarian article: сметката, бележката
	{"ння", 5, ev(0, 1.5, 0)}, // Ukrainian gemination: оновлення, питання
	{"тся", 5, ev(1.5, 0, 0)}, // Russian 3rd person reflexive; uk -ться
	{"ают", 5, ev(1, 0, 0)},   // Russian 3rd plural; uk -ають, bg -ат
	{"яют", 5, ev(1, 0, 0)},
	{"уют", 5, ev(1, 0, 0)},
	{"ает", 5, ev(1, 0, 0)}, // Russian 3rd singular; uk -ає, bg -а
	{"яет", 5, ev(1, 0, 0)},
	{"еет", 5, ev(1, 0, 0)},
	{"ует", 5, ev(1, 0, 0)},
	{"ать", 5, ev(1, 0, 0)}, // Russian infinitive; uk -ати, bg has no ь here
	{"ять", 5, ev(1, 0, 0)},
	{"еть", 5, ev(1, 0, 0)},
	{"ить", 5, ev(1, 0, 0)},     // Russian infinitive; uk -ити, and -ить after не (see verbAfterNe)
	{"лся", 5, ev(1, 0, 0)},     // Russian reflexive past; uk -вся
	{"ого", 6, ev(0.5, 0.5, 0)}, // case endings: Bulgarian has no cases
	{"ому", 5, ev(0.5, 0.5, 0)},
	{"ото", 5, ev(0, 0, 1)}, // Bulgarian neuter article: приложението
	{"ето", 5, ev(0, 0, 1)},
	{"ята", 5, ev(0, 0, 1)}, // Bulgarian article: плащанията
	{"ост", 6, ev(0, 0, 1)}, // Bulgarian -ост; ru -ость, uk -ість
	{"яне", 6, ev(0, 0, 1)}, // Bulgarian verbal nouns: отваряне
	{"ити", 5, ev(0, 1, 0)}, // Ukrainian infinitive: змінити
	{"ати", 5, ev(0, 1, 0)},
	{"яти", 5, ev(0, 1, 0)},
	{"ути", 5, ev(0, 1, 0)},   // скинути; ru -уть
	{"ою", 5, ev(0, 1, 0)},    // Ukrainian instrumental: карткою; ru -ой
	{"ой", 5, ev(1, 0, 0)},    // Russian: картой, другой, такой
	{"ом", 6, ev(1, 1, 0)},    // instrumental: банком, карткою; Bulgarian has no cases
	{"шов", 5, ev(0, 1, 0)},   // Ukrainian past: прийшов, знайшов; ru -шел
	{"ов", 6, ev(1, 0, 0)},    // Russian genitive plural: клиентов; uk -ів; see surnameEndings
	{"ая", 5, ev(1, 0, 0)},    // Russian adjectives: годовая; uk -а, bg -а
	{"ое", 5, ev(1, 0, 0)},    // Russian adjectives: мобильное; uk -е, bg -о
	{"ане", 6, ev(0, 0, 0.5)}, // Bulgarian verbal nouns: плащане; ru на экране
	{"ене", 6, ev(0, 0, 0.5)},
	{"ие", 4, ev(0.5, 0, 0.5)}, // ru and bg -ие, uk -ння/-ія
	{"ия", 4, ev(0.5, 0, 0.5)},
	{"ии", 4, ev(0.5, 0, 0)},
	{"ът", 3, ev(0, 0, 2)}, // Bulgarian article: абонаментът, път
}

// surnameEndings are suffixes that surnames share (Иванов), not read in
// capitalised words.
var surnameEndings = map[string]bool{"ов": true}

// pairs are two-word phrases whose evidence differs from their words'.
// Bulgarian "как да" (how to) would otherwise read as Russian как.
var pairs = map[[2]string][3]float64{
	{"как", "да"}:     ev(0, 0, 1.5),
	{"как", "работи"}: ev(0, 0, 1.5), // ru как работает
}

// englishWords are frequent English function and support words; their
// presence raises the confidence that Latin text is English and not a
// transliteration or a name.
var englishWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "is": true,
	"are": true, "was": true, "i": true, "my": true, "me": true,
	"you": true, "your": true, "and": true, "or": true, "for": true,
	"of": true, "in": true, "on": true, "at": true, "it": true,
	"its": true, "this": true, "that": true, "not": true, "no": true,
	"can": true, "cant": true, "cannot": true, "how": true, "do": true,
	"does": true, "did": true, "dont": true, "didnt": true,
	"doesnt": true, "what": true, "why": true, "when": true,
	"where": true, "which": true, "please": true, "with": true,
	"from": true, "after": true, "have": true, "has": true, "get": true,
	"got": true, "be": true, "been": true, "will": true, "wont": true,
	"would": true, "could": true, "should": true, "just": true,
	"still": true, "again": true, "hi": true, "hello": true,
	"thanks": true, "but": true, "by": true, "we": true, "says": true,
}
