package indexer

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hostileBody is raw HTML a writer (or whoever slipped a commit past
// review) could put in an article: scripts, frames, event handlers,
// javascript: and data: links, forms, styles, a base URL.
const hostileBody = `Текст<script>alert(1)</script>

<iframe src="https://evil.example/"></iframe>

<a href="javascript:alert(3)" onclick="alert(4)">ссылка</a> и [md](javascript:alert(5)) и <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>

<img src="x.png" onerror="alert(2)"><div class="note" onmouseover="alert(6)">Заметка</div>

<style>body{display:none}</style><form action="https://evil.example/"><input name="p"></form>

<svg><script>alert(7)</script></svg><object data="x"></object><embed src="x">

<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">

<p style="position:fixed;top:0">поверх страницы</p>
`

// TestUnsafeHTMLIsSanitised: the HTML an article carries is safe whatever
// the site allows, so the page, the API and the agent page (which inserts
// it with innerHTML) all get the same harmless markup.
func TestUnsafeHTMLIsSanitised(t *testing.T) {
	banned := []string{"<script", "<iframe", "onclick", "onerror", "onmouseover", "javascript:", "data:text",
		"<style", "<form", "<svg", "<object", "<embed", "<meta", "<base", "position:fixed", "evil.example"}
	for _, unsafe := range []bool{false, true} {
		got := parse(t, hostileBody, Options{UnsafeHTML: unsafe}).HTML
		for _, b := range banned {
			if strings.Contains(got, b) {
				t.Errorf("unsafe=%v: %q survived in\n%s", unsafe, b, got)
			}
		}
		if !strings.Contains(got, "Текст") || !strings.Contains(got, "ссылка") {
			t.Errorf("unsafe=%v: the text is gone:\n%s", unsafe, got)
		}
		if !unsafe {
			continue
		}
		// What raw HTML is for stays: callouts with a class, images.
		for _, w := range []string{`<div class="note">Заметка</div>`, `<img src="x.png">`, "поверх страницы"} {
			if !strings.Contains(got, w) {
				t.Errorf("unsafe=true: %q missing in\n%s", w, got)
			}
		}
	}
}

// TestSanitisingKeepsMarkdown: the policy removes only what raw HTML adds;
// everything goldmark writes for Markdown (tables with alignment, code with
// its language, headings with Cyrillic ids, footnotes, task lists,
// definition lists, links, images) comes out the same with unsafe_html on.
func TestSanitisingKeepsMarkdown(t *testing.T) {
	src, err := os.ReadFile("testdata/site/account/two-factor.ru.md")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(src), "\n") {
		if !strings.HasPrefix(l, "<div") { // the article's one line of raw HTML
			lines = append(lines, l)
		}
	}
	md := []byte(strings.Join(lines, "\n"))
	plain, problems := ParseArticle("account/two-factor.ru.md", md, Options{})
	sanitised, _ := ParseArticle("account/two-factor.ru.md", md, Options{UnsafeHTML: true})
	if plain == nil || sanitised == nil {
		t.Fatalf("skipped: %q", problemStrings(problems))
	}
	for _, w := range []string{"<table>", `style="text-align:right"`, `class="language-sh"`, `id="как-включить-2fa"`,
		`class="footnote-ref"`, `type="checkbox"`, "<dl>", "<del>", `href="mailto:`} {
		if !strings.Contains(plain.HTML, w) {
			t.Fatalf("the test article no longer has %q; pick another", w)
		}
	}
	if a, b := canonicalHTML(t, plain.HTML), canonicalHTML(t, sanitised.HTML); a != b {
		t.Errorf("sanitising changed Markdown output:\n--- plain\n%s\n--- sanitised\n%s", a, b)
	}
}

// canonicalHTML parses s and writes it back with attributes sorted and
// CSS declarations without spaces, so that two serialisations of the same
// tree compare equal.
func canonicalHTML(t *testing.T, s string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var sortAttrs func(n *html.Node)
	sortAttrs = func(n *html.Node) {
		slices.SortFunc(n.Attr, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
		for i, a := range n.Attr {
			if a.Key == "style" {
				n.Attr[i].Val = strings.ReplaceAll(a.Val, ": ", ":")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			sortAttrs(c)
		}
	}
	for _, n := range nodes {
		sortAttrs(n)
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}
