package indexer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/internal/htmlcheck"
)

// The fuzz targets run their seed corpora (testdata/fuzz/FuzzX) with every
// go test; `make fuzz` explores beyond them for a few seconds each.

const fuzzPath = "account/page.ru.md"

// FuzzFrontMatter feeds whole files to the parser: any bytes are either an
// article or skipped with a reason that points at a line of the file.
func FuzzFrontMatter(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		art, problems := ParseArticle(fuzzPath, src, Options{})
		lines := bytes.Count(src, []byte("\n")) + 1
		failed := false
		for _, p := range problems {
			if p.Path != fuzzPath || p.Message == "" {
				t.Errorf("problem without path or message: %+v", p)
			}
			failed = failed || !p.Warning
			if p.Line > lines || p.Column < 0 {
				t.Errorf("problem points past the file's %d lines: %s", lines, p)
			}
			if !p.Warning && p.Line < 1 {
				t.Errorf("error without a line number: %s", p)
			}
		}
		if art == nil {
			if !failed {
				t.Fatalf("file skipped without an error: %q", problems)
			}
			return
		}
		if failed {
			t.Errorf("article returned despite errors: %q", problems)
		}
		sum := sha256.Sum256(src)
		if art.Title == "" || art.ID == "" || !spravka.IsLanguage(art.Lang) || len(art.Audience) == 0 ||
			art.Hash != hex.EncodeToString(sum[:]) {
			t.Errorf("article lacks a default: title %q id %q lang %q audience %q hash %s",
				art.Title, art.ID, art.Lang, art.Audience, art.Hash)
		}
		checkUTF8(t, append([]string{art.Title, art.ID, art.Summary, art.Category, art.Translation},
			slices.Concat(art.Tags, art.Products, art.Questions, art.Aliases, art.Audience)...)...)
	})
}

// FuzzMarkdown feeds article bodies under a valid front matter. Every body
// is an article; its lead and sections partition the plain text of the
// whole body (nothing lost, nothing twice) and the HTML never carries
// script.
func FuzzMarkdown(f *testing.F) {
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) || strings.ContainsRune(body, 0) {
			return // FuzzFrontMatter covers files that are not text
		}
		const header = "---\ntitle: T\n---\n"
		art, problems := ParseArticle(fuzzPath, []byte(header+body), Options{})
		if art == nil {
			t.Fatalf("valid text skipped: %q", problems)
		}
		text, code := wholeText(body)
		gotText, gotCode := cells(art.Lead), lines(art.LeadCode)
		for _, s := range art.Sections {
			gotText = append(append(gotText, cells(s.Title)...), cells(s.Text)...)
			gotCode = append(gotCode, lines(s.Code)...)
		}
		if !slices.Equal(gotText, text) {
			t.Errorf("lead and sections are not the body's text:\n got %q\nwant %q", gotText, text)
		}
		if !slices.Equal(gotCode, code) {
			t.Errorf("lead and section code are not the body's code:\n got %q\nwant %q", gotCode, code)
		}
		checkSections(t, art.Sections, 4, 3+strings.Count(body, "\n")+1)
		checkUTF8(t, art.Lead, art.LeadCode, art.HTML)
		for _, s := range append([]string{art.Lead, art.LeadCode}, sectionTexts(art.Sections)...) {
			for _, l := range strings.Split(s, "\n") {
				// Tabs separate table cells, empty ones too; no other space may
				// start or end a line.
				if s != "" && (l == "" || strings.TrimFunc(l, isSpaceNotTab) != l) {
					t.Errorf("blank line or untrimmed line %q in %q", l, s)
				}
			}
		}
		if bad := htmlcheck.Active(art.HTML, htmlcheck.NoScripts); bad != "" {
			t.Errorf("raw HTML off, yet the body renders %q:\n%s", bad, art.HTML)
		}
	})
}

// wholeText is the plain text and code of body written as one block
// sequence, without splitting it into sections.
func wholeText(body string) (text, code []string) {
	opts := Options{}.withDefaults()
	doc := parseMarkdown(newMarkdown(opts), []byte(body), 4, &spravka.Article{Path: fuzzPath})
	var w textWriter
	for c := doc.root.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, doc.src)
	}
	return cells(w.String()), lines(w.Code())
}

// cells splits plain text at line and cell breaks, dropping empty cells:
// how text is cut between sections may leave a break at either end.
func cells(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\t' })
}

func isSpaceNotTab(r rune) bool { return r != '\t' && unicode.IsSpace(r) }

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func sectionTexts(ss []spravka.Section) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Title, s.Text, s.Code)
	}
	return out
}

// checkSections wants unique non-empty ids, levels 2 and 3, and heading
// lines in order within [first, last].
func checkSections(t *testing.T, ss []spravka.Section, first, last int) {
	t.Helper()
	seen := map[string]bool{}
	prev := first - 1
	for _, s := range ss {
		if s.ID == "" || seen[s.ID] {
			t.Errorf("section id %q is empty or used twice", s.ID)
		}
		seen[s.ID] = true
		if s.Level != 2 && s.Level != 3 {
			t.Errorf("section %q has level %d", s.ID, s.Level)
		}
		if s.Line <= prev || s.Line > last {
			t.Errorf("section %q on line %d: after line %d and up to %d expected", s.ID, s.Line, prev, last)
		}
		prev = s.Line
	}
}

func checkUTF8(t *testing.T, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 in output %q", s)
		}
	}
}
