package check

import (
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/spravka/spravka"
)

// idSet is the element ids of a rendered article: headings of every level
// and footnotes, which is what a #fragment can point at.
type idSet map[string]bool

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

func (k *checker) idsOf(a *spravka.Article) idSet {
	if s, ok := k.ids[a.Path]; ok {
		return s
	}
	s := idSet{}
	for _, m := range idAttr.FindAllStringSubmatch(a.HTML, -1) {
		s[html.UnescapeString(m[1])] = true
	}
	k.ids[a.Path] = s
	return s
}

// links checks every link and image of a.
func (k *checker) links(a *spravka.Article) {
	src := k.source(a.Path)
	for _, l := range a.Links {
		col := src.column(l.Line, "("+l.Dest, "<"+l.Dest, l.Dest)
		if col > 0 && strings.HasPrefix(src.lines[l.Line-1][byteOffset(src.lines[l.Line-1], col-1):], "(") {
			col++ // point at the destination, not the parenthesis
		}
		k.link(a, l, col)
	}
}

func (k *checker) link(a *spravka.Article, l spravka.Link, col int) {
	u, err := url.Parse(l.Dest)
	if err != nil {
		k.report(a.Path, l.Line, col, Error, "broken-link", "malformed link %q: %v", l.Dest, err)
		return
	}
	if u.Scheme != "" || u.Host != "" || l.Dest == "" {
		return // external, mailto:, tel:, …: not ours to check
	}
	what := "link"
	if l.Image {
		what = "image"
	}
	switch {
	case u.Path == "":
		k.anchor(a, a, u.Fragment, l, col)
	case strings.HasPrefix(u.Path, "/"):
		k.sitePath(a, u, l, col, what)
	default:
		k.relative(a, u, l, col, what)
	}
}

// sitePath checks a link written as a site URL, /ru/billing/refunds.
func (k *checker) sitePath(a *spravka.Article, u *url.URL, l spravka.Link, col int, what string) {
	p := strings.TrimSuffix(u.Path, "/")
	if strings.HasPrefix(p, "/static/") || p == "" || spravka.IsLanguage(strings.TrimPrefix(p, "/")) || k.cats[p] {
		return
	}
	if t, ok := k.byURL[p]; ok {
		k.target(a, t, u.Fragment, l, col)
		return
	}
	if l.Image {
		if k.c.Assets[strings.TrimPrefix(p, "/")] {
			return
		}
		k.report(a.Path, l.Line, col, Error, "missing-file", "missing image %s", l.Dest)
		return
	}
	k.report(a.Path, l.Line, col, Error, "broken-link", "broken %s: no page at %s", what, u.Path)
}

// relative checks a link relative to the article's file: another article
// (x.md), a category (_index.md) or a file such as an image.
func (k *checker) relative(a *spravka.Article, u *url.URL, l spravka.Link, col int, what string) {
	target := path.Join(path.Dir(a.Path), u.Path)
	if target == ".." || strings.HasPrefix(target, "../") {
		k.report(a.Path, l.Line, col, Error, "broken-link", "%s %s points outside the content folder", what, l.Dest)
		return
	}
	if t, ok := k.byPath[target]; ok {
		k.target(a, t, u.Fragment, l, col)
		return
	}
	if k.c.Assets[target] || isIndexFile(target) && k.indexExists(target) {
		return
	}
	switch {
	case k.failed[target]:
		k.report(a.Path, l.Line, col, Error, "broken-link", "%s to %s, which has errors and is not served", what, target)
	case l.Image:
		k.report(a.Path, l.Line, col, Error, "missing-file", "missing image %s (%s)", l.Dest, target)
	case path.Ext(target) == "" && k.byPath[target+"."+a.Lang+".md"] != nil:
		k.report(a.Path, l.Line, col, Error, "broken-link", "broken link %s: link to the file, %s", l.Dest, path.Base(target)+"."+a.Lang+".md")
	case path.Ext(target) != ".md":
		k.report(a.Path, l.Line, col, Error, "missing-file", "missing file %s (%s)", l.Dest, target)
	default:
		k.report(a.Path, l.Line, col, Error, "broken-link", "broken link %s: %s does not exist", l.Dest, target)
	}
}

func isIndexFile(p string) bool { return strings.HasPrefix(path.Base(p), "_index") }

func (k *checker) indexExists(p string) bool {
	for _, lang := range spravka.Languages {
		for _, suffix := range []string{"." + lang + ".md", ".md"} {
			if strings.HasSuffix(p, suffix) && k.cats["/"+lang+"/"+path.Dir(p)] {
				return true
			}
		}
	}
	return false
}

// target checks what a resolved link leads to: the anchor, and that a
// public article does not send visitors to a page they cannot see.
func (k *checker) target(a, t *spravka.Article, fragment string, l spravka.Link, col int) {
	if a.IsPublic() && !t.IsPublic() {
		kind := "an internal"
		if t.Draft {
			kind = "a draft"
		}
		k.report(a.Path, l.Line, col, Error, "hidden-target", "public article links to %s article %s; visitors get a 404", kind, t.Path)
	}
	k.anchor(a, t, fragment, l, col)
}

// anchor checks #fragment against the ids of t. Cyrillic fragments are
// compared as text: url.Parse has already decoded %D0%… escapes.
func (k *checker) anchor(a, t *spravka.Article, fragment string, l spravka.Link, col int) {
	if fragment == "" {
		return
	}
	ids := k.idsOf(t)
	if ids[fragment] {
		return
	}
	where := "in " + t.Path
	if a == t {
		where = "on this page"
	}
	if hint := closestID(ids, fragment); hint != "" {
		k.report(a.Path, l.Line, col, Error, "broken-anchor", "broken anchor #%s %s; did you mean #%s?", fragment, where, hint)
		return
	}
	k.report(a.Path, l.Line, col, Error, "broken-anchor", "broken anchor #%s %s", fragment, where)
}

// closestID finds the id a writer probably meant: the heading text pasted
// as is, other case, or another Unicode normal form.
func closestID(ids idSet, fragment string) string {
	want := norm.NFC.String(strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(fragment, "-", " ")), "-")))
	for id := range ids {
		if norm.NFC.String(strings.ToLower(id)) == want {
			return id
		}
	}
	return ""
}

// byteOffset returns the byte offset of the n-th character of s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
