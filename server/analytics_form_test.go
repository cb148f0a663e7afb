package server

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/themes"
)

// The theme's feedback partial renders the form the vote endpoint reads,
// in the article's language, and the thanks after the no-JS redirect.
func TestFeedbackPartial(t *testing.T) {
	src, err := fs.ReadFile(themes.Default(), "templates/partials/feedback.html")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("partial").Parse(string(src)))
	s := &Server{}
	art := &spravka.Article{ID: "billing/refunds", Lang: "uk", Category: "billing", Slug: "refunds"}
	render := func(target string) string {
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, "feedback", s.feedbackForm(httptest.NewRequest("GET", target, nil), art)); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	form := render("/uk/billing/refunds")
	for _, want := range []string{`action="/api/v1/feedback"`, `name="article_id" value="billing/refunds"`,
		`name="lang" value="uk"`, `name="helpful" value="yes"`, `name="helpful" value="no"`, `maxlength="1000"`,
		"Стаття була корисною?", `id="feedback"`} {
		if !strings.Contains(form, want) {
			t.Errorf("form lacks %q:\n%s", want, form)
		}
	}
	thanks := render("/uk/billing/refunds?feedback=thanks")
	if strings.Contains(thanks, "<form") || !strings.Contains(thanks, "Дякуємо за відгук!") {
		t.Errorf("after voting the partial should thank, not ask again:\n%s", thanks)
	}
}

func TestClickURLs(t *testing.T) {
	q := spravka.Query{Text: "повернення коштів", Page: 2, PerPage: 10}
	res := &spravka.Result{Lang: "uk", Hits: []spravka.Hit{
		{ID: "billing/refunds", URL: "/uk/billing/refunds"},
		{ID: "billing/plans", URL: "/uk/billing/plans", Section: &spravka.SectionRef{ID: "ціни", URL: "/uk/billing/plans#ціни"}},
	}}
	links := clickURLs(q, res)
	if len(links) != 2 {
		t.Fatalf("links %v", links)
	}
	u, err := url.Parse(links[1])
	if err != nil || u.Path != "/r" {
		t.Fatalf("link %q", links[1])
	}
	v := u.Query()
	if v.Get("to") != "/uk/billing/plans#ціни" || v.Get("q") != q.Text || v.Get("lang") != "uk" || v.Get("rank") != "12" {
		t.Errorf("link params %v; want the section URL, the query, uk and rank 12 (page 2, second hit)", v)
	}
	if clickURLs(q, nil) != nil {
		t.Error("no result, no links")
	}
}
