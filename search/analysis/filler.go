package analysis

// Filler words are the words of a customer's message that express the
// asking, not the topic: wishes and needs ("хочу", "потрібно"), politeness
// and greetings. They are content words, so they are not stop words and
// stay in the index, but in a query they only add noise: "Хочу защитить
// аккаунт" must not prefer the article whose FAQ line happens to say
// "хочу". The lists are in bleve's stop-list format (see stopTable).
const (
	russianFiller = `хочу хотел хотела хотели хотим хотите хотелось нужно надо необходимо
можно пожалуйста подскажите скажите помогите здравствуйте привет спасибо заранее`
	ukrainianFiller = `хочу хотів хотіла хотіли хочемо хочете хотілося потрібно треба необхідно
можна будь ласка підкажіть скажіть допоможіть вітаю привіт дякую заздалегідь`
	bulgarianFiller = `искам исках искаме искате трябва необходимо може моля кажете помогнете
здравейте здравей благодаря предварително`
	// English keeps "want" and "need": on stackfaq they carry negation and
	// intent ("I don't want my friends notified") more often than filler.
	englishFiller = `please hello hi thanks thank`
)

// Filler returns a predicate reporting whether a word only expresses the
// asking in a query of lang; the word is normalised first. Unknown
// languages have no filler words.
func Filler(lang string) func(word string) bool {
	l, ok := languages[lang]
	if !ok {
		return func(string) bool { return false }
	}
	return func(word string) bool { return l.filler[termOf(word)] }
}
