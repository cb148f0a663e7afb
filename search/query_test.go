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
	e, err := Open(Config{DataDir: t.TempDir(), Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	// Both articles share the stem; only one has the very form asked for.
	c := &Content{Articles: []*spravka.Article{
		art("ru", "a/stem-only", "Настройки платежей", "", "Платежи: Здесь собраны все платежи клиента."),
		art("ru", "a/exact", "Настройки платежа", "", "Платеж: Здесь собран каждый платежа статус."),
	}}
	if err := e.Replace(context.Background(), c, nil); err != nil {
		t.Fatal(err)
	}
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
	aq := e.analyze(snap, text, "ru")
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
