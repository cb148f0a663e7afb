package indexer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// categoryIndex is the metadata one _index file gives its folder.
type categoryIndex struct {
	path, id, lang string
	meta           categoryMeta
}

// parseCategoryIndex reads account/_index.ru.md (or _index.md, which is in
// the default language). Only top-level folders are categories, because an
// article's category is its first folder.
func parseCategoryIndex(path string, src []byte, opts Options) (*categoryIndex, []spravka.Problem) {
	parts := strings.Split(path, "/")
	if len(parts) != 2 {
		return nil, []spravka.Problem{{Path: path, Warning: true, Message: "only top-level folders are categories; file ignored"}}
	}
	stem, lang := splitName(parts[1])
	if stem != indexStem {
		return nil, []spravka.Problem{{Path: path, Message: fmt.Sprintf("%q is not a supported language (%s)",
			strings.TrimPrefix(stem, indexStem+"."), strings.Join(spravka.Languages, ", "))}}
	}
	if p, bad := checkSource(path, src, opts.MaxFileSize); bad {
		return nil, []spravka.Problem{p}
	}
	fm, _, _, err := splitFrontMatter(bytes.TrimPrefix(src, utf8BOM))
	if err != nil {
		return nil, []spravka.Problem{problemOf(path, err)}
	}
	pairs, err := parseYAML(fm, yamlFirstLine)
	if err != nil {
		return nil, []spravka.Problem{problemOf(path, err)}
	}
	f := &fields{path: path, lineBase: yamlFirstLine - 1}
	ci := &categoryIndex{path: path, id: parts[0], lang: or(lang, opts.DefaultLang), meta: decodeCategoryMeta(f, pairs)}
	if f.failed {
		return nil, f.problems
	}
	if ci.meta.Title == "" {
		ci.meta.Title = titleFromID(ci.id)
		f.problems = append(f.problems, spravka.Problem{Path: path, Line: 1, Warning: true,
			Message: fmt.Sprintf("missing title; using %q", ci.meta.Title)})
	}
	return ci, f.problems
}

// buildCategories merges _index metadata with the categories articles use,
// synthesising metadata where a language has no _index, and counts the
// articles of each. indexes must be sorted by path: the first _index for a
// language and folder wins.
func buildCategories(indexes []*categoryIndex, arts []*spravka.Article) (map[string]map[string]spravka.Category, []spravka.Problem) {
	out := map[string]map[string]spravka.Category{}
	from := map[string]string{} // lang/id → path of the _index that set it
	var problems []spravka.Problem
	put := func(c spravka.Category) {
		if out[c.Lang] == nil {
			out[c.Lang] = map[string]spravka.Category{}
		}
		c.URL = "/" + c.Lang + "/" + c.ID
		out[c.Lang][c.ID] = c
	}
	for _, ci := range indexes {
		key := ci.lang + "/" + ci.id
		if first, dup := from[key]; dup {
			problems = append(problems, duplicateProblems(first, ci.path, fmt.Sprintf("category %s (%s)", ci.id, ci.lang))...)
			continue
		}
		from[key] = ci.path
		put(spravka.Category{ID: ci.id, Lang: ci.lang, Title: ci.meta.Title, Description: ci.meta.Description, Weight: ci.meta.Weight})
	}
	for _, a := range arts {
		c, ok := out[a.Lang][a.Category]
		if !ok {
			c = spravka.Category{ID: a.Category, Lang: a.Lang, Title: titleFromID(a.Category)}
		}
		c.Count++
		put(c)
	}
	return out, problems
}

// titleFromID is the title of a category without an _index: "billing"
// becomes "Billing".
func titleFromID(id string) string {
	r, size := utf8.DecodeRuneInString(id)
	if size == 0 {
		return id
	}
	return string(unicode.ToUpper(r)) + id[size:]
}
