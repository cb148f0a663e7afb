package indexer

import (
	"context"
	"errors"
	"io/fs"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spravka/spravka"
)

func TestLoadRewritesLinksBetweenArticles(t *testing.T) {
	c := load(t, tree(`
-- account/reset-password.ru.md --
---
title: Сброс пароля
---
Сначала [смените пароль](change-password.ru.md), потом
[верните деньги](../billing/refund.ru.md#сроки-возврата).
Раздел [там же](#шаги), [категория](../billing/_index.ru.md),
[нет такой](../billing/missing.ru.md#x), [снаружи](../../etc/passwd.md),
[сайт](/ru/account/two-factor), [внешняя](https://example.com/a.md),
![картинка](img/screen.png).
-- account/change-password.ru.md --
---
title: Смена пароля
---
-- billing/refund.ru.md --
---
title: Возврат
category: payments
---
## Сроки возврата
-- billing/_index.ru.md --
---
title: Оплата
---
`), Options{})
	if len(c.Problems) != 0 {
		t.Fatalf("problems: %q", problemStrings(c.Problems))
	}
	a := article(c, "account/reset-password.ru.md")
	for _, want := range []string{
		`href="/ru/account/change-password"`,
		// The target's category comes from its front matter, not its folder.
		`href="/ru/payments/refund#%D1%81%D1%80%D0%BE%D0%BA%D0%B8-%D0%B2%D0%BE%D0%B7%D0%B2%D1%80%D0%B0%D1%82%D0%B0"`,
		`href="#%D1%88%D0%B0%D0%B3%D0%B8"`,
		`href="/ru/billing"`,
		`href="../billing/missing.ru.md#x"`,
		`href="../../etc/passwd.md"`,
		`href="/ru/account/two-factor"`,
		`href="https://example.com/a.md"`,
		`src="img/screen.png"`,
	} {
		if !strings.Contains(a.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, a.HTML)
		}
	}
	// Links are recorded as written, for spravka check.
	if got := a.Links[1].Dest; got != "../billing/refund.ru.md#сроки-возврата" || a.Links[1].Line != 5 {
		t.Errorf("Links[1] = %+v", a.Links[1])
	}
	if id := article(c, "billing/refund.ru.md").Sections[0].ID; id != "сроки-возврата" {
		t.Errorf("target anchor = %q", id)
	}
}

func TestLoadBadInput(t *testing.T) {
	fsys := tree(`
-- a/good.en.md --
---
title: Good
---
-- a/no-title.en.md --
---
summary: x
---
-- a/unclosed.en.md --
---
title: Unclosed
-- a/types.en.md --
---
title: Types
tags: 5
---
-- a/dup-one.en.md --
---
id: same
title: One
---
-- a/dup-two.en.md --
---
id: same
title: Two
---
-- a/url.en.md --
---
title: URL one
---
-- b/url.en.md --
---
title: URL two
category: a
---
-- a/lang.md --
---
title: Lang
lang: no
---
`)
	fsys["a/binary.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\n---\n\x00\x01")}
	fsys["a/latin1.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: L\n---\ncaf\xe9\n")}
	fsys["a/huge.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: H\n---\n" + strings.Repeat("word ", 300))}
	fsys["a/locked.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Locked\n---\n")}
	c, err := Load(context.Background(), unreadable{fsys, "a/locked.en.md"}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`warning: a/dup-one.en.md: id "same" (en) is also claimed by a/dup-two.en.md, which was skipped`,
		`a/dup-two.en.md: id "same" (en) is already claimed by a/dup-one.en.md; file skipped`,
		`a/binary.en.md:4:1: binary file (NUL byte), not Markdown`,
		`a/huge.en.md: file is 1517 bytes, over the 1000-byte limit`,
		`a/lang.md:3:7: lang: "no" is not a supported language (ru, uk, bg, en)`,
		`a/latin1.en.md:4:4: invalid UTF-8; save the file as UTF-8`,
		`a/locked.en.md: cannot read: open a/locked.en.md: permission denied`,
		`a/no-title.en.md:1: missing title in front matter`,
		`a/types.en.md:3:7: tags: want a list like [a, b], got "5"`,
		`a/unclosed.en.md:1: front matter is not closed by a --- line`,
		`warning: a/url.en.md: URL /en/a/url is also claimed by b/url.en.md, which was skipped`,
		`b/url.en.md: URL /en/a/url is already claimed by a/url.en.md; file skipped`,
	}
	got := problemStrings(c.Problems)
	// Sorted by path; both duplicates are reported on their own file.
	wantSorted := []string{want[2], want[0], want[1], want[3], want[4], want[5], want[6], want[7], want[8], want[9], want[10], want[11]}
	if !reflect.DeepEqual(got, wantSorted) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantSorted, "\n"))
	}
	var paths []string
	for _, a := range c.Articles {
		paths = append(paths, a.Path)
	}
	if want := []string{"a/dup-one.en.md", "a/good.en.md", "a/url.en.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("articles = %q, want %q", paths, want)
	}
}

// unreadable fails to open one file, as a file without read permission does.
type unreadable struct {
	fs.FS
	path string
}

func (u unreadable) Open(name string) (fs.File, error) {
	if name == u.path {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.FS.Open(name)
}

func TestLoadCategories(t *testing.T) {
	c := load(t, tree(`
-- account/_index.ru.md --
---
title: Аккаунт
description: Вход и пароль.
weight: 2
---
-- account/_index.md --
---
title: Account
---
-- account/a.ru.md --
---
title: A
---
-- account/b.ru.md --
---
title: B
draft: true
---
-- account/c.en.md --
---
title: C
---
-- billing/d.uk.md --
---
title: D
---
-- billing/e.uk.md --
---
title: E
category: payments
---
-- empty/_index.bg.md --
---
title: Празна
---
-- welcome.md --
---
title: Hi
---
-- broken/_index.ru.md --
---
title: Broken
weight: heavy
---
-- untitled/_index.uk.md --
---
description: x
---
-- account/sub/_index.ru.md --
---
title: Nested
---
-- billing/_index.de.md --
---
title: Abrechnung
---
`), Options{})
	want := map[string]map[string]spravka.Category{
		"ru": {
			"account": {ID: "account", Lang: "ru", Title: "Аккаунт", Description: "Вход и пароль.", Weight: 2, Count: 2, URL: "/ru/account"},
		},
		"en": {
			"account": {ID: "account", Lang: "en", Title: "Account", Count: 1, URL: "/en/account"},
			"general": {ID: "general", Lang: "en", Title: "General", Count: 1, URL: "/en/general"},
		},
		"uk": {
			"billing":  {ID: "billing", Lang: "uk", Title: "Billing", Count: 1, URL: "/uk/billing"},
			"payments": {ID: "payments", Lang: "uk", Title: "Payments", Count: 1, URL: "/uk/payments"},
			"untitled": {ID: "untitled", Lang: "uk", Title: "Untitled", Description: "x", URL: "/uk/untitled"},
		},
		"bg": {
			"empty": {ID: "empty", Lang: "bg", Title: "Празна", URL: "/bg/empty"},
		},
	}
	if !reflect.DeepEqual(c.Categories, want) {
		t.Errorf("categories:\n%+v\nwant:\n%+v", c.Categories, want)
	}
	wantProblems := []string{
		`warning: account/sub/_index.ru.md: only top-level folders are categories; file ignored`,
		`billing/_index.de.md: "de" is not a supported language (ru, uk, bg, en)`,
		`broken/_index.ru.md:3:9: weight: want a whole number, got "heavy"`,
		`warning: untitled/_index.uk.md:1: missing title; using "Untitled"`,
	}
	if got := problemStrings(c.Problems); !reflect.DeepEqual(got, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantProblems, "\n"))
	}
}

func TestDuplicateCategoryIndex(t *testing.T) {
	c := load(t, tree(`
-- account/_index.en.md --
---
title: From en
---
-- account/_index.md --
---
title: From default
---
`), Options{})
	if got := c.Categories["en"]["account"].Title; got != "From en" {
		t.Errorf("title = %q, want the first by path", got)
	}
	want := []string{
		`warning: account/_index.en.md: category account (en) is also claimed by account/_index.md, which was skipped`,
		`account/_index.md: category account (en) is already claimed by account/_index.en.md; file skipped`,
	}
	if got := problemStrings(c.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %q\nwant %q", got, want)
	}
}

func TestLoadIgnoresAndAssets(t *testing.T) {
	c := load(t, tree(`
-- a/page.en.md --
---
title: Page
---
-- a/img/screen.png --
png
-- a/README.txt --
notes
-- _drafts/idea.en.md --
not an article
-- _assets/logo.svg --
<svg/>
-- a/_partial.en.md --
not an article
-- .git/config --
x
-- a/.page.en.md.swp --
x
-- .hidden/page.en.md --
not an article
-- _index.md --
home page text, not a category
-- _synonyms/README.md --
docs
`), Options{})
	if len(c.Articles) != 1 || len(c.Problems) != 0 {
		t.Errorf("articles %d, problems %q; want 1 article, no problems", len(c.Articles), problemStrings(c.Problems))
	}
	want := map[string]bool{"a/img/screen.png": true, "a/README.txt": true, "_assets/logo.svg": true}
	if !reflect.DeepEqual(c.Assets, want) {
		t.Errorf("assets = %v, want %v", c.Assets, want)
	}
}

func TestLoadSynonyms(t *testing.T) {
	c := load(t, tree(`
-- _synonyms/ru.txt --
# группы синонимов
пароль, password , пасворд
счёт, счет, инвойс # хвостовой комментарий

одиночка
c#, си шарп
-- _synonyms/en.txt --
-- _synonyms/de.txt --
passwort, kennwort
`), Options{})
	want := map[string][][]string{
		"ru": {{"пароль", "password", "пасворд"}, {"счёт", "счет", "инвойс"}, {"c#", "си шарп"}},
		"en": {},
	}
	if !reflect.DeepEqual(c.Synonyms, want) {
		t.Errorf("synonyms = %q, want %q", c.Synonyms, want)
	}
	wantProblems := []string{
		`_synonyms/de.txt: "de" is not a supported language (ru, uk, bg, en)`,
		`warning: _synonyms/ru.txt:5: synonym group "одиночка" has fewer than two terms; ignored`,
	}
	if got := problemStrings(c.Problems); !reflect.DeepEqual(got, wantProblems) {
		t.Errorf("problems = %q\nwant %q", got, wantProblems)
	}
}

func TestParseSynonyms(t *testing.T) {
	tests := []struct {
		src      string
		want     [][]string
		warnings int
	}{
		{"", nil, 0},
		{"a, b\n", [][]string{{"a", "b"}}, 0},
		{"\uFEFFa,b\r\nc , d ,\n", [][]string{{"a", "b"}, {"c", "d"}}, 0},
		{"  # only a comment\n\n", nil, 0},
		{"a,  a\n", nil, 1},
		{"две  слова, два слова\n", [][]string{{"две слова", "два слова"}}, 0},
		{",,,\n", nil, 1},
	}
	for _, tt := range tests {
		got, problems := ParseSynonyms("s.txt", []byte(tt.src))
		if !reflect.DeepEqual(got, tt.want) || len(problems) != tt.warnings {
			t.Errorf("ParseSynonyms(%q) = %q, %q; want %q and %d warnings", tt.src, got, problemStrings(problems), tt.want, tt.warnings)
		}
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	var b strings.Builder
	for _, cat := range []string{"a", "a-b", "b", "z"} {
		for i := range 30 {
			b.WriteString("-- " + cat + "/p" + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + ".ru.md --\n")
			// Every other file clashes with another, so the winner matters.
			b.WriteString("---\ntitle: T\nid: " + cat + string(rune('a'+i%13)) + "\n---\n## Раздел\n\nТекст [ссылка](../z/pa.ru.md).\n")
		}
	}
	fsys := tree(b.String())
	first := load(t, fsys, Options{})
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		for range 3 {
			if again := load(t, fsys, Options{}); !reflect.DeepEqual(again, first) {
				t.Fatalf("GOMAXPROCS=%d: Load results differ between runs", procs)
			}
		}
	}
	// Plain path order: "a-b/…" sorts before "a/…", although a directory
	// walk visits a/ first.
	if got := first.Articles[0].Path; got != "a-b/pa.ru.md" {
		t.Errorf("first article = %s, want a-b/pa.ru.md", got)
	}
}

func TestLoadErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, tree("-- a/b.md --\n---\ntitle: B\n---\n"), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Load: err = %v, want context.Canceled", err)
	}
	if _, err := Load(context.Background(), fstest.MapFS{}, Options{}); err != nil {
		t.Errorf("empty tree: %v", err)
	}
	if _, err := Load(context.Background(), unreadable{fstest.MapFS{}, "."}, Options{}); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("unreadable root: err = %v, want fs.ErrPermission", err)
	}
	if _, err := Load(context.Background(), fstest.MapFS{}, Options{DefaultLang: "de"}); err == nil {
		t.Errorf("DefaultLang de accepted")
	}
}
