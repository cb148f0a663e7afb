package search

import (
	"context"
	"testing"

	"github.com/spravka/spravka"
)

// TestSearchWithoutLangTriesEveryCandidate checks that a query the text
// leaves open between languages is answered by the next candidate when the
// first has nothing the caller may see, in that language and without the
// fallback flag, and that it falls back only when no candidate answers.
func TestSearchWithoutLangTriesEveryCandidate(t *testing.T) {
	internal := art("ru", "account/reset-password", "Как сбросить пароль", "")
	internal.Audience = []string{spravka.AudienceInternal}
	content := &Content{Articles: []*spravka.Article{internal,
		art("uk", "account/reset-password", "Як скинути пароль", ""),
		art("en", "account/reset-password", "How to reset your password", ""),
	}}
	e, err := Open(Config{DataDir: t.TempDir(), DefaultLang: "ru", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if err := e.Replace(context.Background(), content, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, wantLang, wantHit string
		wantFallback            bool
	}{
		// ru (the default) and uk both know пароль; ru has nothing public.
		{"пароль", "uk", "uk", false},
		// Decided by ы: no other candidate, so the usual fallback.
		{"забыли пароль", "ru", "uk", true},
	}
	for _, tt := range tests {
		res, err := e.Search(context.Background(), spravka.Query{Text: tt.text, Access: spravka.Public})
		if err != nil {
			t.Fatal(err)
		}
		if res.Lang != tt.wantLang || res.Fallback != tt.wantFallback || len(res.Hits) == 0 || res.Hits[0].Lang != tt.wantHit {
			t.Errorf("%q: lang %s fallback %v hits %+v; want lang %s fallback %v, a %s hit", tt.text, res.Lang, res.Fallback, res.Hits,
				tt.wantLang, tt.wantFallback, tt.wantHit)
		}
	}
}
