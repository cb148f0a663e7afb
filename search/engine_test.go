package search

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/spravka/spravka"
)

// fixture builds articles from compact descriptions: title | questions
// separated by ';' | sections "Heading: text" separated by '|'.
func art(lang, id, title, questions string, sections ...string) *spravka.Article {
	a := &spravka.Article{ID: id, Lang: lang, Title: title, Translation: id, Category: strings.Split(id, "/")[0],
		Slug: strings.Split(id, "/")[1], Audience: []string{spravka.AudiencePublic}, Hash: title + questions + strings.Join(sections, "|")}
	if questions != "" {
		a.Questions = strings.Split(questions, ";")
	}
	for _, s := range sections {
		h, text, _ := strings.Cut(s, ":")
		a.Sections = append(a.Sections, spravka.Section{ID: strings.ToLower(strings.ReplaceAll(h, " ", "-")), Title: h, Level: 2, Text: strings.TrimSpace(text)})
	}
	return a
}

func testContent() *Content {
	internal := art("ru", "billing/refund-procedure", "Процедура возврата средств для L2", "",
		"Согласование: возврат свыше 500 евро согласует руководитель смены через Админку")
	internal.Audience = []string{"l2", "l3"}
	draft := art("en", "account/draft-article", "Draft password guide", "")
	draft.Draft = true
	return &Content{Articles: []*spravka.Article{
		art("ru", "account/reset-password", "Как сбросить пароль", "забыл пароль;не могу войти в аккаунт",
			"Сброс через почту: Нажмите «Забыли пароль?» на странице входа и откройте письмо.",
			"Если письмо не пришло: Проверьте папку «Спам» и адрес почты."),
		art("ru", "account/change-password", "Как сменить пароль", "поменять пароль",
			"Смена пароля: Откройте Настройки → Безопасность и введите новый пароль."),
		art("ru", "invoices/create-invoice", "Как выставить счёт клиенту", "создать счет",
			"Новый счёт: Нажмите «Создать счёт» и выберите клиента."),
		art("en", "account/reset-password", "How to reset your password", "forgot password",
			"Reset by email: Click Forgot password on the sign-in page."),
		art("en", "invoices/create-invoice", "How to create an invoice", "new invoice",
			"Create: Click New invoice and choose a client."),
		internal, draft,
	}}
}

func openTest(t *testing.T) *Engine {
	t.Helper()
	return openWith(t, testContent())
}

// openWith opens an engine in a temp dir serving c.
func openWith(t testing.TB, c *Content) *Engine {
	t.Helper()
	e, err := Open(Config{DataDir: t.TempDir(), DefaultLang: "en", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if err := e.Replace(context.Background(), c, nil); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestSearchRanksByMeaning(t *testing.T) {
	e := openTest(t)
	tests := []struct {
		q, lang, want string
	}{
		{"как сбросить пароль", "ru", "account/reset-password"},
		{"сменить пароль", "ru", "account/change-password"},
		{"выставить счет", "ru", "invoices/create-invoice"},
		{"forgot my password", "en", "account/reset-password"},
		{"create invoices", "en", "invoices/create-invoice"},
	}
	for _, tt := range tests {
		res, err := e.Search(context.Background(), spravka.Query{Text: tt.q, Lang: tt.lang})
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != tt.want {
			t.Errorf("%q: want %s first, got %+v", tt.q, tt.want, ids(res))
		}
		for _, h := range res.Hits {
			if h.Lang != tt.lang {
				t.Errorf("%q: hit %s in %s, want only %s", tt.q, h.ID, h.Lang, tt.lang)
			}
		}
	}
}

func TestSearchNeverShowsHiddenArticles(t *testing.T) {
	e := openTest(t)
	for _, q := range []string{"возврат средств админку", "draft password guide"} {
		for _, lang := range []string{"ru", "en", ""} {
			res, err := e.Search(context.Background(), spravka.Query{Text: q, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				if h.ID == "billing/refund-procedure" || h.ID == "account/draft-article" {
					t.Errorf("%q (%s): hidden article %s returned to the public", q, lang, h.ID)
				}
			}
		}
	}
	res, _ := e.Search(context.Background(), spravka.Query{Text: "возврат средств", Lang: "ru", Access: spravka.Access{Agent: "x", Tiers: []string{"l2"}}})
	if len(res.Hits) == 0 || res.Hits[0].ID != "billing/refund-procedure" {
		t.Errorf("an l2 agent should find the l2 article, got %v", ids(res))
	}
	res, _ = e.Search(context.Background(), spravka.Query{Text: "возврат средств", Lang: "ru", Access: spravka.Access{Agent: "x", Tiers: []string{"l1"}}})
	if len(res.Hits) != 0 {
		t.Errorf("an l1 agent must not see the l2 article, got %v", ids(res))
	}
}

func TestSearchSectionAndSnippet(t *testing.T) {
	e := openTest(t)
	res, err := e.Search(context.Background(), spravka.Query{Text: "письмо не пришло спам", Lang: "ru"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	h := res.Hits[0]
	if h.Section == nil || h.Section.Title != "Если письмо не пришло" {
		t.Errorf("want the section about the missing email, got %+v", h.Section)
	}
	if !strings.Contains(h.Snippet, "<mark>Спам</mark>") {
		t.Errorf("snippet should mark the match: %q", h.Snippet)
	}
}

func TestSearchTreatsSyntaxAsText(t *testing.T) {
	e := openTest(t)
	for _, q := range []string{`+пароль -сбросить "как" title:x *?~ (a) [b] {c} ^2 \ /`, `<script>alert(1)</script> пароль`} {
		res, err := e.Search(context.Background(), spravka.Query{Text: q, Lang: "ru"})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%q: want hits for the word пароль", q)
		}
		for _, h := range res.Hits {
			if strings.Contains(h.Snippet, "<script>") {
				t.Errorf("snippet not escaped: %q", h.Snippet)
			}
		}
	}
}

func TestLanguageFallback(t *testing.T) {
	e := openTest(t)
	res, err := e.Search(context.Background(), spravka.Query{Text: "invoice", Lang: "bg"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Fallback || len(res.Hits) == 0 || res.Hits[0].Lang != "en" {
		t.Errorf("want marked fallback to en, got fallback=%v %v", res.Fallback, ids(res))
	}
}

func TestReopenReusesIndex(t *testing.T) {
	dir := t.TempDir()
	e, err := Open(Config{DataDir: dir, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Replace(context.Background(), testContent(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(Config{DataDir: dir, Logger: quiet}); err == nil {
		t.Fatal("a second engine on the same data dir must fail")
	}
	e.Close()
	e2, err := Open(Config{DataDir: dir, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	written := -1
	err = e2.Replace(context.Background(), testContent(), func(done, total int) { written = total })
	if err != nil {
		t.Fatal(err)
	}
	if written != -1 {
		t.Errorf("unchanged content re-indexed %d documents", written)
	}
	res, _ := e2.Search(context.Background(), spravka.Query{Text: "сбросить пароль", Lang: "ru"})
	if len(res.Hits) == 0 {
		t.Error("reopened index finds nothing")
	}
}

var quiet = slog.New(slog.DiscardHandler)

func ids(r *spravka.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Lang+"/"+h.ID)
	}
	return out
}

func TestAutocomplete(t *testing.T) {
	e := openTest(t)
	tests := []struct {
		text, lang, want string
	}{
		{"как сбр", "ru", "account/reset-password"},
		{"пароль сме", "ru", "account/change-password"},
		{"invo", "en", "invoices/create-invoice"},
		{"+(cre", "en", "invoices/create-invoice"},
	}
	for _, tt := range tests {
		got, err := e.Autocomplete(context.Background(), spravka.Query{Text: tt.text, Lang: tt.lang, Access: spravka.Public})
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		if len(got) == 0 || got[0].ID != tt.want {
			t.Errorf("%q: want %s first, got %+v", tt.text, tt.want, got)
		}
	}
	got, _ := e.Autocomplete(context.Background(), spravka.Query{Text: "проце", Lang: "ru", Access: spravka.Public})
	for _, s := range got {
		if s.ID == "billing/refund-procedure" {
			t.Error("autocomplete offers an internal article to the public")
		}
	}
}
