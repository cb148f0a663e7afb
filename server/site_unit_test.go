package server

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/spravka/spravka"
)

// TestArticleBodiesAddAnchors: every section heading gets its copy-link
// anchor, labelled in the page's language, and nothing else changes. The
// HTML is sanitised by the indexer when it is rendered
// (indexer.TestUnsafeHTMLIsSanitised, TestHostileHTMLIsSanitisedEverywhere).
func TestArticleBodiesAddAnchors(t *testing.T) {
	art := &spravka.Article{ID: "a/b", Lang: "ru", Hash: "1", HTML: `<p>Текст &lt;script&gt;</p>` +
		`<h2 id="как-войти">Как войти</h2><pre><code class="language-sh">ls</code></pre>`}
	got := string(newArticleBodies().render(art, "Ссылка $1"))
	want := `<p>Текст &lt;script&gt;</p>` +
		`<h2 id="как-войти">Как войти<a class="anchor" href="#как-войти" aria-label="Ссылка $1" data-copy-link>#</a></h2>` +
		`<pre><code class="language-sh">ls</code></pre>`
	if got != want {
		t.Errorf("body:\n%s\nwant:\n%s", got, want)
	}
}

func TestPluralForms(t *testing.T) {
	strs := map[string]string{"n_one": "{n} статья", "n_few": "{n} статьи", "n_many": "{n} статей"}
	get := func(k string) string { return strs[k] }
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"ru", 1, "1 статья"}, {"ru", 2, "2 статьи"}, {"ru", 5, "5 статей"}, {"ru", 11, "11 статей"},
		{"ru", 21, "21 статья"}, {"uk", 14, "14 статей"}, {"uk", 22, "22 статьи"}, {"bg", 2, "2 статей"},
		{"en", 1, "1 статья"}, {"en", 0, "0 статей"},
	}
	for _, tt := range tests {
		if got := pluralize(get, tt.lang, "n", tt.n); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestLocalDateAndLanguagePick(t *testing.T) {
	strs := map[string]string{"date_format": "{day} {month} {year} г.", "month_3": "март"}
	d := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	if got := localDate(func(k string) string { return strs[k] }, d); got != "9 март 2026 г." {
		t.Errorf("date %q", got)
	}
	if got := localDate(func(string) string { return "" }, time.Time{}); got != "" {
		t.Errorf("zero date %q", got)
	}
	s := &Server{cfg: Config{DefaultLang: "ru"}}
	for header, want := range map[string]string{"": "ru", "de, en;q=0.2": "en", "en;q=0.3, uk;q=0.8, bg": "bg", "UK-ua": "uk", "fr": "ru"} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", header)
		if got := s.langOf(r); got != want {
			t.Errorf("Accept-Language %q → %s, want %s", header, got, want)
		}
	}
}

func TestArticleLD(t *testing.T) {
	v := view{SiteName: "Help", Canonical: "https://h.example/en/a/b"}
	upd := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	plain := articleLD(v, &spravka.Article{Title: "T", Lang: "en", Summary: "S", Tags: []string{"x", "y"}}, upd)
	if plain["@type"] != "Article" || plain["headline"] != "T" || plain["dateModified"] != "2026-05-01T00:00:00Z" || plain["keywords"] != "x, y" {
		t.Errorf("Article: %v", plain)
	}
	faq := articleLD(v, &spravka.Article{Title: "T", Lang: "en", Summary: "S", Questions: []string{"q1", "q2"}}, upd)
	qs, _ := faq["mainEntity"].([]ld)
	if faq["@type"] != "FAQPage" || len(qs) != 2 || qs[0]["name"] != "q1" {
		t.Errorf("FAQPage: %v", faq)
	}
}
