package indexer

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spravka/spravka"
)

// metaOf keeps the front matter fields of an article, for comparison.
type metaOf struct {
	ID, Lang, Translation, Category, Slug, Title, Summary string
	Tags, Products, Audience, Questions, Aliases          []string
	Draft                                                 bool
	Weight                                                int
	Created, Updated                                      time.Time
}

func metaFrom(a *spravka.Article) metaOf {
	return metaOf{a.ID, a.Lang, a.Translation, a.Category, a.Slug, a.Title, a.Summary,
		a.Tags, a.Products, a.Audience, a.Questions, a.Aliases, a.Draft, a.Weight, a.Created, a.Updated}
}

func TestFrontMatterKeysAndDefaults(t *testing.T) {
	msk := time.FixedZone("", 3*60*60)
	tests := []struct {
		name, path, src string
		opts            Options
		want            metaOf
	}{{
		name: "defaults from path",
		path: "account/reset-password.ru.md",
		src:  "---\ntitle: Сброс пароля\n---\nТекст.\n",
		want: metaOf{ID: "account/reset-password", Lang: "ru", Translation: "account/reset-password", Category: "account",
			Slug: "reset-password", Title: "Сброс пароля", Audience: []string{"public"}},
	}, {
		name: "every key",
		path: "account/reset-password.ru.md",
		src: `---
id: pw-reset
title: "Как сбросить пароль"
lang: uk
translation: password-reset
category: security
tags: [пароль, вход]
products:
  - web
  - mobile
audience: [L2, l3]
draft: true
questions: ["забыл пароль", не могу войти]
summary: Коротко.
weight: 3
aliases: [/ru/faq/password]
created: 2026-10-14
updated: 2026-10-15T09:30:00+03:00
---
Текст.
`,
		want: metaOf{ID: "pw-reset", Lang: "uk", Translation: "password-reset", Category: "security", Slug: "reset-password",
			Title: "Как сбросить пароль", Summary: "Коротко.", Tags: []string{"пароль", "вход"}, Products: []string{"web", "mobile"},
			Audience: []string{"l2", "l3"}, Questions: []string{"забыл пароль", "не могу войти"}, Aliases: []string{"/ru/faq/password"},
			Draft: true, Weight: 3, Created: time.Date(2026, 10, 14, 0, 0, 0, 0, time.UTC),
			Updated: time.Date(2026, 10, 15, 9, 30, 0, 0, msk)},
	}, {
		name: "root file takes the default category and language",
		path: "welcome.md",
		src:  "---\ntitle: Welcome\n---\n",
		want: metaOf{ID: "welcome", Lang: "en", Translation: "welcome", Category: "general", Slug: "welcome", Title: "Welcome", Audience: []string{"public"}},
	}, {
		name: "options set the fallbacks",
		path: "welcome.md",
		src:  "---\ntitle: Добре дошли\n---\n",
		opts: Options{DefaultLang: "bg", DefaultCategory: "start"},
		want: metaOf{ID: "welcome", Lang: "bg", Translation: "welcome", Category: "start", Slug: "welcome", Title: "Добре дошли", Audience: []string{"public"}},
	}, {
		name: "nested folder: category is the first folder, id keeps the whole path",
		path: "account/security/two-factor.en.md",
		src:  "---\ntitle: 2FA\n---\n",
		want: metaOf{ID: "account/security/two-factor", Lang: "en", Translation: "account/security/two-factor", Category: "account",
			Slug: "two-factor", Title: "2FA", Audience: []string{"public"}},
	}, {
		name: "front matter lang beats the suffix",
		path: "a/b.ru.md",
		src:  "---\ntitle: B\nlang: BG\n---\n",
		want: metaOf{ID: "a/b", Lang: "bg", Translation: "a/b", Category: "a", Slug: "b", Title: "B", Audience: []string{"public"}},
	}, {
		name: "unsupported suffix stays in the slug",
		path: "a/b.de.md",
		src:  "---\ntitle: B\n---\n",
		want: metaOf{ID: "a/b.de", Lang: "en", Translation: "a/b.de", Category: "a", Slug: "b.de", Title: "B", Audience: []string{"public"}},
	}, {
		name: "YAML 1.1 booleans and numbers stay text in string fields",
		path: "a/b.md",
		src:  "---\ntitle: no\nid: 2024\ntranslation: on\nsummary: yes\ncategory: off\ntags: [no, yes, 1.0, true]\naudience: Internal\n---\n",
		want: metaOf{ID: "2024", Lang: "en", Translation: "on", Category: "off", Slug: "b", Title: "no", Summary: "yes",
			Tags: []string{"no", "yes", "1.0", "true"}, Audience: []string{"internal"}},
	}, {
		name: "null values count as absent; yes is true for draft; quoted dates work",
		path: "a/b.md",
		src:  "---\ntitle: B\ntags:\nsummary: ~\ndraft: yes\ncreated: \"2026-01-02\"\nupdated: 2026-01-02 10:00:00\n---\n",
		want: metaOf{ID: "a/b", Lang: "en", Translation: "a/b", Category: "a", Slug: "b", Title: "B", Audience: []string{"public"},
			Draft: true, Created: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Updated: time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, problems := ParseArticle(tt.path, []byte(tt.src), tt.opts)
			if a == nil {
				t.Fatalf("skipped: %v", problemStrings(problems))
			}
			got := metaFrom(a)
			if !got.Created.Equal(tt.want.Created) || !got.Updated.Equal(tt.want.Updated) {
				t.Errorf("dates = %v, %v; want %v, %v", got.Created, got.Updated, tt.want.Created, tt.want.Updated)
			}
			got.Created, got.Updated, tt.want.Created, tt.want.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			for _, p := range problems {
				if !p.Warning {
					t.Errorf("unexpected error %s", p)
				}
			}
		})
	}
}

func TestLangNoIsTheStringNo(t *testing.T) {
	// yaml.v3 would turn `no` into false for a bool field; the value must
	// reach the language check as the text "no".
	pairs, err := parseYAML([]byte("title: B\nlang: no\n"), yamlFirstLine)
	if err != nil {
		t.Fatal(err)
	}
	if m := decodeArticleMeta(&fields{path: "a/b.md"}, pairs); m.Lang != "no" {
		t.Errorf("lang decoded as %q, want \"no\"", m.Lang)
	}
	a, problems := ParseArticle("a/b.md", []byte("---\ntitle: B\nlang: no\n---\n"), Options{})
	if a != nil {
		t.Fatalf("article with lang: no was accepted as %q", a.Lang)
	}
	got := problemStrings(problems)
	want := []string{`a/b.md:3:7: lang: "no" is not a supported language (ru, uk, bg, en)`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

func TestLangWarnings(t *testing.T) {
	tests := []struct{ path, src, want string }{
		{"a/b.ru.md", "---\ntitle: B\nlang: en\n---\n", `warning: a/b.ru.md:3:7: lang: "en" contradicts the file name suffix .ru; front matter wins`},
		{"a/b.de.md", "---\ntitle: B\n---\n", "warning: a/b.de.md: file name suffix .de is not a supported language; read as part of the slug, language en"},
	}
	for _, tt := range tests {
		a, problems := ParseArticle(tt.path, []byte(tt.src), Options{})
		if a == nil {
			t.Fatalf("%s skipped: %v", tt.path, problemStrings(problems))
		}
		if got := problemStrings(problems); !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("%s: problems = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestAudience(t *testing.T) {
	tests := []struct {
		value string
		want  []string
		err   string
	}{
		{"", []string{"public"}, ""},
		{"audience: internal", []string{"internal"}, ""},
		{"audience: L2", []string{"l2"}, ""},
		{"audience: [l2, L3, l2]", []string{"l2", "l3"}, ""},
		{"audience:\n  - Public", []string{"public"}, ""},
		{"audience: []", nil, `a.md:3:11: audience: empty; leave the key out for "public"`},
		{"audience: {l2: yes}", nil, `a.md:3:11: audience: want a tier or a list of tiers, got a mapping`},
	}
	for _, tt := range tests {
		src := "---\ntitle: A\n" + tt.value + "\n---\n"
		a, problems := ParseArticle("a.md", []byte(src), Options{})
		switch {
		case tt.err != "":
			if a != nil || !reflect.DeepEqual(problemStrings(problems), []string{tt.err}) {
				t.Errorf("%q: problems = %q, want %q", tt.value, problemStrings(problems), tt.err)
			}
		case a == nil:
			t.Errorf("%q: skipped: %q", tt.value, problemStrings(problems))
		case !reflect.DeepEqual(a.Audience, tt.want):
			t.Errorf("%q: audience = %q, want %q", tt.value, a.Audience, tt.want)
		}
	}
}

func TestUnknownKeysAreKeptWithAWarning(t *testing.T) {
	src := "---\ntitle: A\nicon: key\nTittle: typo\nextra:\n  color: red\n  sizes: [1, 2]\n---\n"
	a, problems := ParseArticle("a.md", []byte(src), Options{})
	if a == nil {
		t.Fatalf("skipped: %q", problemStrings(problems))
	}
	want := map[string]any{"icon": "key", "Tittle": "typo", "extra": map[string]any{"color": "red", "sizes": []any{1, 2}}}
	if !reflect.DeepEqual(a.Params, want) {
		t.Errorf("Params = %#v, want %#v", a.Params, want)
	}
	wantProblems := []string{
		`warning: a.md:3:1: unknown front matter key "icon" (kept for themes)`,
		`warning: a.md:4:1: unknown front matter key "Tittle" (kept for themes)`,
		`warning: a.md:5:1: unknown front matter key "extra" (kept for themes)`,
	}
	if got := problemStrings(problems); !reflect.DeepEqual(got, wantProblems) {
		t.Errorf("problems = %q\nwant %q", got, wantProblems)
	}
	if b, _ := ParseArticle("b.md", []byte("---\ntitle: B\n---\n"), Options{}); b.Params != nil {
		t.Errorf("Params without unknown keys = %#v, want nil", b.Params)
	}
}

func TestTypeErrors(t *testing.T) {
	tests := []struct {
		name, fm string
		want     []string
	}{
		{"list as number", "tags: 5", []string{`a.md:3:7: tags: want a list like [a, b], got "5"`}},
		{"list as text", "products: web", []string{`a.md:3:11: products: want a list like [a, b], got "web"`}},
		{"weight", "weight: abc", []string{`a.md:3:9: weight: want a whole number, got "abc"`}},
		{"weight quoted", `weight: "3"`, []string{`a.md:3:9: weight: want a whole number, got "3"`}},
		{"weight fraction", "weight: 1.5", []string{`a.md:3:9: weight: want a whole number, got "1.5"`}},
		{"draft", "draft: maybe", []string{`a.md:3:8: draft: want true or false, got "maybe"`}},
		{"date", "updated: yesterday", []string{`a.md:3:10: updated: want a date like 2026-10-14 or 2026-10-14T09:30:00+03:00, got "yesterday"`}},
		{"title as list", "title: [a, b]", []string{`a.md:3:8: title: want text, got a list`, "a.md:1: missing title in front matter"}},
		{"list item", "questions:\n  - ok\n  - {q: a}", []string{`a.md:5:5: questions: list items must be text, got a mapping`}},
		{"category with slash", "category: a/b", []string{`a.md:3:11: category: "a/b" must be a single folder name`}},
		{"all reported at once", "tags: 5\nweight: x\ndraft: 2", []string{
			`a.md:3:7: tags: want a list like [a, b], got "5"`,
			`a.md:4:9: weight: want a whole number, got "x"`,
			`a.md:5:8: draft: want true or false, got "2"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title := "title: A\n"
			if strings.HasPrefix(tt.fm, "title:") {
				title = "\n" // keep the value on line 3
			}
			src := "---\n" + title + tt.fm + "\n---\nbody\n"
			a, problems := ParseArticle("a.md", []byte(src), Options{})
			if a != nil {
				t.Errorf("article accepted despite %q", tt.fm)
			}
			if got := problemStrings(problems); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems = %q\nwant       %q", got, tt.want)
			}
		})
	}
}

func TestMalformedFile(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"no front matter", "# Title\n\ntext\n", "a.md:1: no front matter: the file must start with a --- line"},
		{"empty file", "", "a.md:1: no front matter: the file must start with a --- line"},
		{"unclosed", "---\ntitle: A\n\nbody\n", "a.md:1: front matter is not closed by a --- line"},
		{"only the fence", "---", "a.md:1: front matter is not closed by a --- line"},
		{"empty front matter", "---\n---\nbody\n", "a.md:1: missing title in front matter"},
		{"empty title", "---\ntitle: \"\"\n---\n", "a.md:1: missing title in front matter"},
		{"bad YAML", "---\ntitle: A\ntags: [a, b\nweight: 1\n---\n", "a.md:3: front matter: did not find expected ',' or ']'"},
		{"bad YAML on the first line", "---\ntitle: a: b\n---\n", "a.md:2: front matter: mapping values are not allowed in this context"},
		{"list item in a mapping", "---\ntitle: A\n- x\n---\n", "a.md:3: front matter: did not find expected key"},
		{"unclosed quote", "---\ntitle: 'A\n\nweight: 1\n---\n", "a.md:5: front matter: found unexpected end of stream"},
		// yaml breaks lines at a lone CR too; the line must still be the file's.
		{"unclosed quote with a lone CR", "---\n\"\r0\n---", "a.md:3: front matter: found unexpected end of stream"},
		{"bad YAML indent", "---\ntitle: A\nsummary: x\n  nested: y\n---\n", "a.md:4: front matter: mapping values are not allowed in this context"},
		{"tab indent", "---\ntitle: A\ntags:\n\t- a\n---\n", "a.md:4: front matter: found character that cannot start any token"},
		{"not a mapping", "---\n- a\n- b\n---\n", "a.md:2: front matter must be key: value pairs, got a list"},
		{"repeated key", "---\ntitle: A\nweight: 1\nTitle: B\n---\n", `a.md:4:1: key "Title" repeats the one on line 2`},
		{"invalid UTF-8", "---\ntitle: A\n---\nok\nbad \xff here\n", "a.md:5:5: invalid UTF-8; save the file as UTF-8"},
		{"invalid UTF-8 after Cyrillic", "---\ntitle: A\n---\nпри\xd0вет\n", "a.md:4:4: invalid UTF-8; save the file as UTF-8"},
		{"NUL byte", "---\ntitle: A\n---\nab\x00\n", "a.md:4:3: binary file (NUL byte), not Markdown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, problems := ParseArticle("a.md", []byte(tt.src), Options{})
			if a != nil {
				t.Errorf("article accepted")
			}
			if got := problemStrings(problems); !reflect.DeepEqual(got, []string{tt.want}) {
				t.Errorf("problems = %q\nwant       %q", got, []string{tt.want})
			}
		})
	}
}

func TestFileEncodings(t *testing.T) {
	tests := []struct{ name, src string }{
		{"CRLF", "---\r\ntitle: A\r\n---\r\n\r\n## Раздел\r\n\r\nТекст.\r\n"},
		{"BOM", "\uFEFF---\ntitle: A\n---\n\n## Раздел\n\nТекст.\n"},
		{"trailing blanks on fences", "--- \ntitle: A\n---\t\n\n## Раздел\n\nТекст.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, problems := ParseArticle("a.md", []byte(tt.src), Options{})
			if a == nil {
				t.Fatalf("skipped: %q", problemStrings(problems))
			}
			want := []spravka.Section{{ID: "раздел", Title: "Раздел", Level: 2, Text: "Текст.", Line: 5}}
			if a.Title != "A" || !reflect.DeepEqual(a.Sections, want) {
				t.Errorf("title %q, sections %+v; want A, %+v", a.Title, a.Sections, want)
			}
		})
	}
}

func TestTooBig(t *testing.T) {
	src := "---\ntitle: A\n---\n" + strings.Repeat("x", 100)
	a, problems := ParseArticle("a.md", []byte(src), Options{MaxFileSize: 64})
	want := []string{"a.md: file is 117 bytes, over the 64-byte limit"}
	if a != nil || !reflect.DeepEqual(problemStrings(problems), want) {
		t.Errorf("problems = %q, want %q", problemStrings(problems), want)
	}
}

func TestHash(t *testing.T) {
	src := []byte("\uFEFF---\ntitle: A\n---\n")
	a, _ := ParseArticle("a.md", src, Options{})
	// Of the file bytes as stored, BOM included, so the index manifest
	// agrees with sha256sum.
	if sum := sha256.Sum256(src); a.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %q, want %x", a.Hash, sum)
	}
}
