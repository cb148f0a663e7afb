package indexer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/spravka/spravka"
)

// yamlFirstLine is the file line of the first front matter line, right
// after the opening fence.
const yamlFirstLine = 2

// ParseArticle parses one Markdown file of the content tree; path is
// slash-separated and relative to the root, and decides the defaults for
// id, slug, category and language. It returns nil when the file must be
// skipped, with the reason among the problems; warnings come with a
// non-nil article. Relative links to other .md files are left as written,
// since only Load knows the URLs of the other articles.
func ParseArticle(path string, src []byte, opts Options) (*spravka.Article, []spravka.Problem) {
	opts = opts.withDefaults()
	if err := opts.validate(); err != nil {
		return nil, []spravka.Problem{{Path: path, Message: err.Error()}}
	}
	md := newMarkdown(opts)
	pg, problems := parsePage(md, path, src, opts)
	if pg == nil {
		return nil, problems
	}
	html, err := pg.doc.render(md, nil)
	if err != nil {
		return nil, append(problems, spravka.Problem{Path: path, Message: err.Error()})
	}
	pg.art.HTML = html
	return pg.art, problems
}

// page is an article parsed but not yet rendered.
type page struct {
	art *spravka.Article
	doc *document
}

// parsePage does everything but rendering; nil means skip the file.
func parsePage(md *markdown, path string, src []byte, opts Options) (*page, []spravka.Problem) {
	if p, bad := checkSource(path, src, opts.MaxFileSize); bad {
		return nil, []spravka.Problem{p}
	}
	fm, body, bodyLine, err := splitFrontMatter(bytes.TrimPrefix(src, utf8BOM))
	if err != nil {
		return nil, []spravka.Problem{problemOf(path, err)}
	}
	pairs, err := parseYAML(fm, yamlFirstLine)
	if err != nil {
		return nil, []spravka.Problem{problemOf(path, err)}
	}
	f := &fields{path: path, lineBase: yamlFirstLine - 1}
	art := newArticle(f, path, decodeArticleMeta(f, pairs), opts)
	if f.failed {
		return nil, f.problems
	}
	sum := sha256.Sum256(src)
	art.Hash = hex.EncodeToString(sum[:])
	return &page{art: art, doc: parseMarkdown(md, body, bodyLine, art)}, f.problems
}

// newArticle applies the path defaults to the front matter and checks
// what only makes sense with both: the language and the title.
func newArticle(f *fields, path string, m articleMeta, opts Options) *spravka.Article {
	id, slug, category, suffixLang := pathDefaults(path, opts.DefaultCategory)
	lang := m.Lang
	switch {
	case lang != "" && !spravka.IsLanguage(lang):
		f.errorf(m.langNode, "lang: %q is not a supported language (%s)", lang, strings.Join(spravka.Languages, ", "))
	case lang != "" && suffixLang != "" && lang != suffixLang:
		f.warnf(m.langNode, "lang: %q contradicts the file name suffix .%s; front matter wins", lang, suffixLang)
	case lang == "" && suffixLang != "":
		lang = suffixLang
	case lang == "":
		lang = opts.DefaultLang
		if code, ok := looksLikeLang(slug); ok {
			f.problems = append(f.problems, spravka.Problem{Path: path, Warning: true,
				Message: fmt.Sprintf("file name suffix .%s is not a supported language; read as part of the slug, language %s", code, lang)})
		}
	}
	if m.Title == "" {
		f.failed = true
		f.problems = append(f.problems, spravka.Problem{Path: path, Line: 1, Message: "missing title in front matter"})
	}
	art := &spravka.Article{
		ID: or(m.ID, id), Lang: lang, Title: m.Title, Category: or(m.Category, category), Slug: slug,
		Tags: m.Tags, Products: m.Products, Audience: m.Audience, Draft: m.Draft,
		Questions: m.Questions, Summary: m.Summary, Weight: m.Weight, Aliases: m.Aliases,
		Created: m.Created, Updated: m.Updated, Params: m.Params, Path: path,
	}
	art.Translation = or(m.Translation, art.ID)
	if len(art.Audience) == 0 {
		art.Audience = []string{spravka.AudiencePublic}
	}
	return art
}

func or(s, fallback string) string {
	if s != "" {
		return s
	}
	return fallback
}

// problemOf turns an error, with a line when it has one, into a Problem.
func problemOf(path string, err error) spravka.Problem {
	var le *lineError
	if errors.As(err, &le) {
		return spravka.Problem{Path: path, Line: le.Line, Column: le.Column, Message: le.Err.Error()}
	}
	return spravka.Problem{Path: path, Message: err.Error()}
}
