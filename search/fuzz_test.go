package search

import (
	"context"
	"html"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// fuzzLangs are the languages a fuzzed request asks for; "" detects.
var fuzzLangs = []string{"", "ru", "uk", "bg", "en"}

// FuzzSuggest sends customer messages through the suggest path (query
// analysis, ranking, passages) of an engine with a few articles, one of
// them internal and one a draft. Its seed corpus is testdata/fuzz/FuzzSuggest;
// `make fuzz` explores beyond it.
func FuzzSuggest(f *testing.F) {
	e := openWith(f, fuzzContent())
	f.Fuzz(func(t *testing.T, text string, langByte, limitByte uint8) {
		if !utf8.ValidString(text) || utf8.RuneCountInString(text) > spravka.MaxSuggestRunes {
			return // the server answers these with 400 and 413
		}
		lang := fuzzLangs[int(langByte)%len(fuzzLangs)]
		limit := int(limitByte) % (spravka.MaxSuggestions + 1)
		most := limit
		if most == 0 {
			most = spravka.DefaultSuggestions
		}
		checkAnalysis(t, e, text)
		for _, access := range []spravka.Access{spravka.Public, {Agent: "l2-team", Tiers: []string{"l2"}}} {
			out, err := e.Suggest(context.Background(), spravka.SuggestRequest{Text: text, Lang: lang, Limit: limit, Access: access})
			if err != nil {
				t.Fatalf("suggest %q in %q: %v", text, lang, err)
			}
			if !spravka.IsLanguage(out.Lang) || (lang != "" && out.Lang != lang) {
				t.Errorf("asked for %q, searched %q", lang, out.Lang)
			}
			if len(out.Suggestions) > most {
				t.Errorf("%d suggestions for limit %d", len(out.Suggestions), limit)
			}
			checkGrade(t, out)
			for _, s := range out.Suggestions {
				checkSuggestion(t, s, access)
			}
		}
	})
}

// checkGrade wants every answer graded, none with nothing to show, and
// confident only when good; each question likewise, at most maxQuestions.
func checkGrade(t *testing.T, out *spravka.Suggestions) {
	t.Helper()
	switch out.Match {
	case spravka.MatchGood, spravka.MatchWeak:
	case spravka.MatchNone:
		if len(out.Suggestions) != 0 {
			t.Errorf("match none with %d suggestions", len(out.Suggestions))
		}
	default:
		t.Errorf("match %q", out.Match)
	}
	if out.Confident && out.Match != spravka.MatchGood {
		t.Errorf("confident answer graded %q", out.Match)
	}
	if n := len(out.Questions); n == 1 || n > 3 {
		t.Errorf("%d questions", n)
	}
	for _, q := range out.Questions {
		if q.Match == spravka.MatchNone || len(q.Suggestions) == 0 || len(q.Suggestions) > 3 {
			t.Errorf("question %q: match %q, %d suggestions", q.Text, q.Match, len(q.Suggestions))
		}
	}
}

// fuzzContent is testContent plus articles whose text HTML must escape
// and sections longer than a passage, in all four languages.
func fuzzContent() *Content {
	long := strings.Repeat("Откройте Настройки → Безопасность & введите <новый> пароль. ", 30)
	c := testContent()
	c.Articles = append(c.Articles,
		art("ru", "account/html-text", "Пароль <b>и</b> &amp; «кавычки»", "как <script>сменить</script> пароль",
			"Длинный раздел: "+long, "Символы: a < b && c > d; \"двойные\" и 'одинарные' кавычки; ссылка <a href=x>x</a>."),
		art("uk", "account/change-password", "Як змінити пароль", "забув пароль",
			"Зміна пароля: Відкрийте Налаштування → Безпека та введіть новий пароль <тут> & збережіть."),
		art("bg", "account/change-password", "Как да сменя паролата си", "забравена парола",
			"Смяна: Отворете Настройки → Сигурност и въведете нова парола & запазете."),
		art("en", "billing/refunds", "Refunds & <cancellations>", "money back;refund",
			"Refund window: Refunds within 14 days. "+strings.Repeat("Fees & taxes <apply> per \"plan\". ", 40)))
	return c
}

// checkSuggestion wants a suggestion the caller may see, with a passage
// that is whole UTF-8 text within the limit, and its HTML form being that
// text escaped with only <mark> added.
func checkSuggestion(t *testing.T, s spravka.Suggestion, access spravka.Access) {
	t.Helper()
	a := s.Article
	if a.ID == "account/draft-article" || (!access.IsAgent() && !slices.Equal(a.Audience, []string{spravka.AudiencePublic})) {
		t.Errorf("%s (audience %q) suggested to %+v", a.ID, a.Audience, access)
	}
	if !utf8.ValidString(s.Passage) || utf8.RuneCountInString(s.Passage) > spravka.MaxPassageRunes {
		t.Errorf("passage of %s: invalid UTF-8 or over %d characters: %q", a.ID, spravka.MaxPassageRunes, s.Passage)
	}
	plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s.PassageHTML)
	if strings.ContainsAny(plain, "<>") || html.UnescapeString(plain) != s.Passage {
		t.Errorf("passage_html of %s is not the passage escaped and marked:\n%q\n%q", a.ID, s.PassageHTML, s.Passage)
	}
	if math.IsNaN(s.Score) || math.IsInf(s.Score, 0) {
		t.Errorf("score of %s is %v", a.ID, s.Score)
	}
	for _, m := range s.MatchedTerms {
		if m == "" || !utf8.ValidString(m) {
			t.Errorf("matched term %q of %s", m, a.ID)
		}
	}
}

// checkAnalysis analyses text as a query in every language: each slot is a
// distinct non-empty term with a finite positive weight, and long texts are
// cut to the configured number of terms.
func checkAnalysis(t *testing.T, e *Engine, text string) {
	t.Helper()
	snap := e.snap.Load()
	for _, lang := range spravka.Languages {
		q := e.analyze(newAsker(snap, spravka.Public), text, lang)
		if n := e.cfg.Ranking.MaxTerms; n > 0 && len(q.slots) > n {
			t.Errorf("%s: %d slots, over MaxTerms %d", lang, len(q.slots), n)
		}
		seen := map[string]bool{}
		for _, s := range q.slots {
			if s.stemT == "" || s.word == "" || !utf8.ValidString(s.stemT) || !utf8.ValidString(s.word) || seen[s.stemT] {
				t.Errorf("%s: bad or repeated slot %q (%q)", lang, s.stemT, s.word)
			}
			seen[s.stemT] = true
			if !(s.idf > 0) || math.IsInf(s.idf, 0) {
				t.Errorf("%s: slot %q has idf %v", lang, s.stemT, s.idf)
			}
		}
	}
}
