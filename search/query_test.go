package search

import (
	"context"
	"testing"

	"github.com/spravka/spravka"
)

func TestFuzzinessCountsRunes(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"пар", 0},         // 3 runes, 6 bytes
		{"счет", 1},        // 4 runes, 8 bytes: bleve's byte count would say 2
		{"пароль", 1},      // 6 runes
		{"сбросить", 2},    // 8 runes
		{"регистрация", 2}, // 11 runes
		{"log", 0},
		{"login", 1},
		{"passwords", 2},
	}
	for _, tt := range tests {
		if got := fuzziness(tt.word); got != tt.want {
			t.Errorf("fuzziness(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestExactFormRanksAboveStemOnly(t *testing.T) {
	// Both articles share the stem; only one has the very form asked for.
	e := engineWith(t,
		art("ru", "a/stem-only", "Настройки платежей", "", "Платежи: Здесь собраны все платежи клиента."),
		art("ru", "a/exact", "Настройки платежа", "", "Платеж: Здесь собран каждый платежа статус."),
	)
	for _, q := range []struct{ text, want string }{{"платежей", "a/stem-only"}, {"платежа", "a/exact"}} {
		res, err := e.Search(context.Background(), spravka.Query{Text: q.text, Lang: "ru"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 2 || res.Hits[0].ID != q.want {
			t.Errorf("%q: want %s first of both, got %v", q.text, q.want, ids(res))
		}
	}
}

func TestLongMessageKeepsRarestWords(t *testing.T) {
	e := openTest(t)
	snap := e.snap.Load()
	text := "здравствуйте подскажите пожалуйста у меня такая проблема я забыл пароль и не могу войти в аккаунт " +
		"уже несколько раз пробовал но ничего не получается помогите пожалуйста очень нужно срочно выставить счет клиенту"
	aq := e.analyze(newAsker(snap, spravka.Public), text, "ru")
	if len(aq.slots) > e.cfg.Ranking.MaxTerms {
		t.Fatalf("kept %d words, want at most %d", len(aq.slots), e.cfg.Ranking.MaxTerms)
	}
	kept := map[string]bool{}
	for _, sl := range aq.slots {
		kept[sl.word] = true
	}
	for _, w := range []string{"пароль", "аккаунт"} {
		if !kept[w] {
			t.Errorf("informative word %q dropped from %v", w, kept)
		}
	}
}

// TestNamePartsMatchBelowWords checks that the parts of dotted and
// snake_case names are found, and weigh less than the word on its own.
func TestNamePartsMatchBelowWords(t *testing.T) {
	e := engineWith(t,
		art("en", "a/part", "Client settings", "", "Limits: Set max_retries in config.yaml to stop early."),
		art("en", "a/word", "Client settings", "", "Limits: Set the retries in the config to stop early."),
	)
	for _, tt := range []struct {
		q, first string
		hits     int
	}{
		{"retries", "a/word", 2}, // the part of max_retries matches, below the word
		{"yaml", "a/part", 1},    // the extension of config.yaml is a word
	} {
		res, err := e.Search(context.Background(), spravka.Query{Text: tt.q, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != tt.hits || res.Hits[0].ID != tt.first {
			t.Errorf("%q: want %d hits with %s first, got %v", tt.q, tt.hits, tt.first, ids(res))
		}
	}
}

// engineWith opens an engine in a temporary folder holding just arts.
func engineWith(t *testing.T, arts ...*spravka.Article) *Engine {
	t.Helper()
	e, err := Open(Config{DataDir: t.TempDir(), Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if err := e.Replace(context.Background(), &Content{Articles: arts}, nil); err != nil {
		t.Fatal(err)
	}
	return e
}
