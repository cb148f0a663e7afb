package check

import (
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/spravka/spravka"
)

// frontMatter applies the rules about single front matter values.
func (k *checker) frontMatter(a *spravka.Article) {
	src := k.source(a.Path)
	if n := utf8.RuneCountInString(a.Title); n > k.cfg.MaxTitleRunes {
		line, col := src.keyPos("title")
		k.report(a.Path, line, col, Warning, "long-title", "title is %d characters; keep it under %d so search results show it whole", n, k.cfg.MaxTitleRunes)
	}
	kv, ok := src.keys["questions"]
	if !ok {
		return
	}
	v := kv[1]
	switch {
	case v.Kind == yaml.SequenceNode && len(v.Content) == 0, v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
		k.report(a.Path, kv[0].Line, kv[0].Column, Warning, "empty-questions", "questions is empty; list the phrasings customers use, or remove the key")
	case v.Kind == yaml.SequenceNode:
		for _, item := range v.Content {
			if item.Kind == yaml.ScalarNode && strings.TrimSpace(item.Value) == "" {
				k.report(a.Path, item.Line, item.Column, Warning, "empty-questions", "empty question")
			}
		}
	}
}

// aliases reports old paths claimed twice, or claiming a live URL: one of
// the redirects could never happen.
func (k *checker) aliases() {
	type claim struct {
		path       string
		line, col  int
		articleURL string
	}
	first := map[string]claim{}
	arts := append([]*spravka.Article(nil), k.c.Articles...)
	sort.Slice(arts, func(i, j int) bool { return arts[i].Path < arts[j].Path })
	for _, a := range arts {
		src := k.source(a.Path)
		for i, al := range a.Aliases {
			line, col := src.keyPos("aliases")
			if kv, ok := src.keys["aliases"]; ok && kv[1].Kind == yaml.SequenceNode && i < len(kv[1].Content) {
				line, col = kv[1].Content[i].Line, kv[1].Content[i].Column
			}
			norm := normalizeAlias(al)
			if t, ok := k.byURL[norm]; ok {
				k.report(a.Path, line, col, Error, "alias-collision", "alias %s is the URL of %s; the redirect would never happen", al, t.Path)
				continue
			}
			if c, ok := first[norm]; ok && c.articleURL != a.URL() {
				k.report(a.Path, line, col, Error, "alias-collision", "alias %s is also claimed by %s:%d", al, c.path, c.line)
				continue
			}
			first[norm] = claim{path: a.Path, line: line, col: col, articleURL: a.URL()}
		}
	}
}

// normalizeAlias matches the server's rule: leading slash, no trailing one.
func normalizeAlias(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	for len(p) > 1 && strings.HasSuffix(p, "/") {
		p = strings.TrimSuffix(p, "/")
	}
	return p
}
