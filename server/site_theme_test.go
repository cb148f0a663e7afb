package server_test

import (
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// overrideTheme is a company's theme folder: one template, one UI string,
// the stylesheet and the logo replaced; everything else comes from the
// default theme.
const overrideTheme = `
-- templates/category.html --
{{define "main"}}<h1 class="acme">{{.Data.Category.Title}}</h1><p>ACME category template</p>{{end}}
-- i18n/ru.json --
{"home_title": "Чем поможет ACME?"}
-- static/style.css --
body{background:#fafafa} /* acme */
-- static/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>acme</title></svg>
`

func TestThemeOverride(t *testing.T) {
	s := openSample(t)
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(overrideTheme)).Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	theme, err := themes.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Theme: theme, Logger: slog.New(slog.DiscardHandler)}, s.eng)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	site := &sample{srv: ts, corpus: s.corpus}

	_, cat := page(t, site, "/ru/account/")
	if cat.Find("h1.acme").Text() != "Аккаунт и вход" || !strings.Contains(cat.Text(), "ACME category template") {
		t.Error("the override's category template is not used")
	}
	_, home := page(t, site, "/ru/")
	if got := home.Find("h1").First().Text(); got != "Чем поможет ACME?" {
		t.Errorf("overridden string: h1 %q", got)
	}
	if got := home.Find("#cats-title").Text(); got != "Разделы" {
		t.Errorf("strings the override lacks must come from the default theme, got %q", got)
	}
	if strings.Contains(home.Text(), "ACME category template") {
		t.Error("the category template leaked into the home page")
	}
	for sel, want := range map[string]string{`link[rel=stylesheet]`: "/* acme */", `header img`: "<title>acme</title>"} {
		ref := home.Find(sel).AttrOr("href", home.Find(sel).AttrOr("src", ""))
		_, body, _ := get(t, site, ref)
		if !strings.Contains(body, want) {
			t.Errorf("%s %s does not serve the override", sel, ref)
		}
	}
	_, defaultHome := page(t, s, "/ru/")
	if defaultHome.Find(`link[rel=stylesheet]`).AttrOr("href", "") == home.Find(`link[rel=stylesheet]`).AttrOr("href", "") {
		t.Error("the overridden stylesheet kept the default's hashed name")
	}
}
