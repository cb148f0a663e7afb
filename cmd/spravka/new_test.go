package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spravka/spravka/indexer"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ title, lang, want string }{
		{"Как вернуть деньги", "ru", "kak-vernut-dengi"},
		{"Счёт-фактура: что это?", "ru", "schyot-faktura-chto-eto"},
		{"Щастя й Ґанок", "uk", "shchastia-i-ganok"},
		{"Як змінити пароль", "uk", "iak-zminyty-parol"},
		{"Щастие и ъгъл", "bg", "shtastie-i-agal"},
		{"How to export to Excel (2024)", "en", "how-to-export-to-excel-2024"},
		{"Оплата через Stripe", "ru", "oplata-cherez-stripe"},
		{"!!!", "ru", ""},
		{strings.Repeat("очень длинное название ", 10), "ru", "ochen-dlinnoe-nazvanie-ochen-dlinnoe-nazvanie-ochen-dlinnoe"},
	}
	for _, tt := range tests {
		if got := slugify(tt.title, tt.lang); got != tt.want {
			t.Errorf("slugify(%q, %s) = %q, want %q", tt.title, tt.lang, got, tt.want)
		}
		if got := slugify(tt.title, tt.lang); len(got) > maxSlugLen {
			t.Errorf("slug %q longer than %d", got, maxSlugLen)
		}
	}
}

func TestNewCreatesLoadableDraft(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"new", "Как вернуть деньги", "--lang", "ru", "--category", "billing", "--content", dir}, &out, &errOut)
	if err != nil {
		t.Fatalf("new: %v\n%s", err, errOut.String())
	}
	path := filepath.Join(dir, "billing", "kak-vernut-dengi.ru.md")
	if strings.TrimSpace(out.String()) != path {
		t.Errorf("printed %q, want %q", out.String(), path)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, problems := indexer.ParseArticle("billing/kak-vernut-dengi.ru.md", src, indexer.Options{})
	if a == nil || len(problems) > 0 {
		t.Fatalf("the new file does not load cleanly: %v", problems)
	}
	if a.Title != "Как вернуть деньги" || a.Lang != "ru" || a.Category != "billing" || !a.Draft || len(a.Questions) != 1 {
		t.Errorf("article %+v", a)
	}
	if !strings.Contains(errOut.String(), "_index.ru.md") {
		t.Errorf("no hint about the missing category index: %q", errOut.String())
	}
	// A second run must not overwrite the writer's work.
	err = run(context.Background(), []string{"new", "Как вернуть деньги", "--lang", "ru", "--category", "billing", "--content", dir}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second new: %v", err)
	}
}

func TestCheckCommandExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/one.en.md", "---\ntitle: One\n---\n")
	write("a/one.ru.md", "---\ntitle: Один\n---\n")
	write("a/two.en.md", "---\ntitle: Two\nquestions: []\n---\n") // a warning: empty questions, no ru version
	code := func(args ...string) (int, string) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"check", "--content", dir}, args...), &out, &errOut)
		if e, ok := err.(errExit); ok {
			return int(e), out.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, out.String()
	}
	if c, out := code(); c != 0 || !strings.Contains(out, "a/two.en.md:3:1: warning: questions is empty") {
		t.Errorf("warnings only: exit %d\n%s", c, out)
	}
	if c, _ := code("--strict"); c != 1 {
		t.Errorf("--strict with warnings: exit %d", c)
	}
	write("a/three.en.md", "---\ntitle: Three\n---\n[x](missing.en.md)\n")
	if c, out := code("--format", "json"); c != 1 || !strings.Contains(out, `"rule": "broken-link"`) {
		t.Errorf("error: exit %d\n%s", c, out)
	}
}
