package analysis

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"
)

func TestForLang(t *testing.T) {
	for lang, want := range map[string]string{
		"en": English, "ru": Russian, "uk": Ukrainian, "bg": Bulgarian,
		"de": Exact, "": Exact, "UK": Exact,
	} {
		if got := ForLang(lang); got != want {
			t.Errorf("ForLang(%q) = %q, want %q", lang, got, want)
		}
	}
}

// TestIndexMappingResolves checks the analyzers the way search/mapping.go
// uses them: by name through a bleve index mapping.
func TestIndexMappingResolves(t *testing.T) {
	im := mapping.NewIndexMapping()
	for _, name := range allAnalyzers {
		if im.AnalyzerNamed(name) == nil {
			t.Errorf("index mapping cannot resolve %s", name)
		}
	}
}

func TestAnalyzers(t *testing.T) {
	cases := []struct {
		analyzer, in string
		want         []string
	}{
		// Exact: normalisation only, stop words kept.
		{Exact, "Як змінити ПАРОЛЬ і рахунок?", []string{"як", "змінити", "пароль", "і", "рахунок"}},
		{Exact, "Оплатите счёт", []string{"оплатите", "счет"}},
		// Stop words go, content words are stemmed.
		{Ukrainian, "Як змінити пароль і рахунок?", []string{"змон", "парол", "рахунк"}},
		{Russian, "Как изменить пароль и счёт?", []string{"измен", "парол", "счет"}},
		{Bulgarian, "Как да сменя паролата на акаунта?", []string{"смен", "парол", "акаунт"}},
		{English, "How do I change the user's passwords?", []string{"chang", "user", "password"}},
		{English, "He's cancelled it, don’t worry", []string{"cancel", "worri"}},
		// Latin words inside Slavic text are normalised, never Slavic-stemmed.
		{Ukrainian, "Google Play accounts", []string{"google", "play", "accounts"}},
		{Russian, "через App Store payments", []string{"app", "store", "payments"}},
		{Bulgarian, "Schetovod Mobile settings", []string{"schetovod", "mobile", "settings"}},
		// A mistyped Latin letter does not change the term.
		{Ukrainian, "пaроля", []string{"парол"}},
		{Russian, "пapоля", []string{"парол"}},
		// Bracket marks do not split words; dotted and snake_case names add their parts.
		{English, "E[x]tract a g[z]ipped file, [l]ist [r]ecursively", []string{"extract", "gzip", "file", "list", "recurs"}},
		{English, "arr[i] [1] [x] done [text](url)", []string{"arr", "1", "x", "done", "text", "url"}},
		{Russian, "Создать ([c]reate) архив", []string{"созда", "create", "арх"}},
		{English, "edit package.json v2.0", []string{"edit", "package.json", "packag", "json", "v2.0"}},
		{English, "set max_retries", []string{"set", "max_retri", "max", "retri"}},
		{Ukrainian, "{{шлях_до_файлу}}", []string{"шлях_до_файлу", "шлях", "файл"}},
		// Numbers and codes survive.
		{Ukrainian, "код 2FA з 6 цифр", []string{"код", "2fa", "6", "цифр"}},
	}
	for _, c := range cases {
		if got := terms(t, c.analyzer, c.in); !slices.Equal(got, c.want) {
			t.Errorf("%s(%q) = %q, want %q", c.analyzer, c.in, got, c.want)
		}
	}
}

func TestStopWords(t *testing.T) {
	cases := []struct {
		lang, word string
		stop       bool
	}{
		{"uk", "і", true}, {"uk", "або", true}, {"uk", "Були", true}, {"uk", "її", true},
		{"uk", "пароль", false}, {"uk", "вхід", false},
		{"ru", "и", true}, {"ru", "Её", true}, {"ru", "всё", true}, {"ru", "пароль", false},
		{"bg", "на", true}, {"bg", "и", true}, {"bg", "парола", false},
		{"en", "the", true}, {"en", "don’t", true}, {"en", "password", false},
		// The analyzer drops the possessive before the stop words.
		{"en", "other's", true}, {"en", "Ours’s", true}, {"en", "John's", false},
		{"de", "und", false}, {"", "the", false},
	}
	for _, c := range cases {
		if got := StopWords(c.lang)(c.word); got != c.stop {
			t.Errorf("StopWords(%q)(%q) = %v, want %v", c.lang, c.word, got, c.stop)
		}
	}
	// The Ukrainian list has the size the design asks for.
	if n := len(languages["uk"].stop); n < 150 || n > 260 {
		t.Errorf("Ukrainian stop list has %d words", n)
	}
}

func TestStem(t *testing.T) {
	cases := []struct{ lang, word, want string }{
		{"uk", "Паролями", "парол"},
		{"uk", "м’якого", "м'як"},
		{"uk", "'рахунку'", "рахунк"},
		{"ru", "Счёта", "счет"},
		{"bg", "ПАРОЛАТА", "парол"},
		{"en", "User’s", "user"},
		{"en", "a's's's", "a"},     // the analyzer's possessive filter, then the stemmer's
		{"de", "Häuser", "häuser"}, // unknown language: normalised only
		{"uk", "", ""},
	}
	for _, c := range cases {
		if got := Stem(c.lang, c.word); got != c.want {
			t.Errorf("Stem(%q, %q) = %q, want %q", c.lang, c.word, got, c.want)
		}
	}
}

// TestConcurrentAnalyze lets the race detector watch the shared tables and
// filters while analyzers run in parallel, as the indexer and the query
// side do.
// TestConcurrentAnalyze runs every analyzer from several goroutines (the
// race detector watches shared state) and checks each run gives the tokens
// a single-threaded run gives.
func TestConcurrentAnalyze(t *testing.T) {
	var wg sync.WaitGroup
	for _, name := range allAnalyzers {
		a := analyzer(t, name)
		want := fmt.Sprint(a.Analyze([]byte(benchText)))
		wantNorm := Normalize(benchText)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 50 {
					if got := fmt.Sprint(a.Analyze([]byte(benchText))); got != want {
						t.Errorf("%s: concurrent run gave other tokens", name)
						return
					}
					if Normalize(benchText) != wantNorm {
						t.Errorf("Normalize differs under concurrency")
						return
					}
				}
			}()
		}
	}
	wg.Wait()
}
