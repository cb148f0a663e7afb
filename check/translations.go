package check

import (
	"fmt"
	"strings"

	"github.com/spravka/spravka"
)

// LangSummary counts the translations of one language.
type LangSummary struct {
	Lang     string `json:"lang"`
	Articles int    `json:"articles"` // articles in this language
	Missing  int    `json:"missing"`  // articles of other languages with no version in this one
}

// translations warns about every article that lacks a version in one of
// the site's languages (those with at least one article), on its first
// language version, and counts the gaps per language. Drafts are left out:
// they are not published in any language yet.
func (k *checker) translations() []LangSummary {
	groups := map[string]map[string]*spravka.Article{}
	var order []string
	used := map[string]bool{}
	for _, a := range k.c.Articles {
		if a.Draft {
			continue
		}
		used[a.Lang] = true
		if groups[a.Translation] == nil {
			groups[a.Translation] = map[string]*spravka.Article{}
			order = append(order, a.Translation)
		}
		groups[a.Translation][a.Lang] = a
	}
	var langs []string
	for _, l := range spravka.Languages {
		if used[l] {
			langs = append(langs, l)
		}
	}
	sum := make([]LangSummary, len(langs))
	for i, l := range langs {
		sum[i].Lang = l
	}
	for _, key := range order {
		g := groups[key]
		var missing []string
		var source *spravka.Article
		for i, l := range langs {
			if a, ok := g[l]; ok {
				sum[i].Articles++
				if source == nil {
					source = a
				}
			} else {
				sum[i].Missing++
				missing = append(missing, l)
			}
		}
		if len(missing) > 0 {
			k.report(source.Path, 1, 0, Warning, "translation-gap", "no translation in %s", strings.Join(missing, ", "))
		}
	}
	return sum
}

// FormatTranslations renders the summary as one line, e.g.
// "translations: ru 40, en 40, uk 24 (16 missing)".
func FormatTranslations(sum []LangSummary) string {
	if len(sum) < 2 {
		return ""
	}
	parts := make([]string, len(sum))
	for i, s := range sum {
		parts[i] = fmt.Sprintf("%s %d", s.Lang, s.Articles)
		if s.Missing > 0 {
			parts[i] += fmt.Sprintf(" (%d missing)", s.Missing)
		}
	}
	return "translations: " + strings.Join(parts, ", ")
}
