package indexer

import (
	"path"
	"strings"

	"github.com/spravka/spravka"
)

// Names with a meaning in the content tree.
const (
	markdownExt  = ".md"
	indexStem    = "_index"
	synonymsDir  = "_synonyms"
	synonymsExt  = ".txt"
	fallbackCat  = "general"
	fallbackLang = "en"
)

// fileKind says what a path in the content tree holds.
type fileKind int

const (
	kindIgnored fileKind = iota
	kindArticle
	kindCategory
	kindSynonyms
	kindAsset
	kindBadLink // a symlink that is not followed; its problem says why (see contentFile)
)

// classify decides what to do with a file from its path alone, so that the
// walk can skip files before reading them. Anything under a "." folder is
// invisible (editor and VCS droppings); "_" folders hold no articles but
// may hold images, which count as assets for link checks.
func classify(p string) fileKind {
	parts := strings.Split(p, "/")
	for _, part := range parts {
		if strings.HasPrefix(part, ".") {
			return kindIgnored
		}
	}
	name := parts[len(parts)-1]
	if len(parts) == 2 && parts[0] == synonymsDir {
		if path.Ext(name) == synonymsExt {
			return kindSynonyms
		}
		return kindIgnored
	}
	if path.Ext(name) != markdownExt {
		return kindAsset
	}
	stem, _ := splitName(name)
	switch {
	case isIndexStem(stem) && len(parts) > 1 && !anyUnderscored(parts[:len(parts)-1]):
		// Depth and language are checked by the category loader, which can
		// say what is wrong instead of silently ignoring the file.
		return kindCategory
	case anyUnderscored(parts):
		return kindIgnored
	}
	return kindArticle
}

// isIndexStem accepts "_index" and "_index.xx" with an unsupported xx.
func isIndexStem(stem string) bool {
	return stem == indexStem || strings.HasPrefix(stem, indexStem+".")
}

func anyUnderscored(parts []string) bool {
	for _, p := range parts {
		if strings.HasPrefix(p, "_") {
			return true
		}
	}
	return false
}

// splitName cuts "reset-password.ru.md" into the stem "reset-password" and
// the language "ru". A suffix that is not a supported language stays part
// of the stem, as the content model says; the caller warns when it looks
// like a language code.
func splitName(name string) (stem, lang string) {
	stem = strings.TrimSuffix(name, path.Ext(name))
	if i := strings.LastIndexByte(stem, '.'); i >= 0 && spravka.IsLanguage(stem[i+1:]) {
		return stem[:i], stem[i+1:]
	}
	return stem, ""
}

// looksLikeLang reports whether a stem ends in something like ".de": two or
// three lower-case letters, probably meant as an unsupported language.
func looksLikeLang(stem string) (string, bool) {
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return "", false
	}
	suffix := stem[i+1:]
	if len(suffix) < 2 || len(suffix) > 3 {
		return "", false
	}
	for _, c := range suffix {
		if c < 'a' || c > 'z' {
			return "", false
		}
	}
	return suffix, true
}

// pathDefaults derives an article's id, slug and category from its path:
// "account/reset-password.ru.md" is id "account/reset-password", slug
// "reset-password", category "account". Files at the root fall back to
// rootCategory.
func pathDefaults(p, rootCategory string) (id, slug, category, lang string) {
	dir, name := path.Split(p)
	slug, lang = splitName(name)
	id = dir + slug
	category = rootCategory
	if first, _, nested := strings.Cut(p, "/"); nested {
		category = first
	}
	return id, slug, category, lang
}
