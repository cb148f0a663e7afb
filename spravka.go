// Package spravka holds the vocabulary every other package shares: articles and
// their sections, queries and hits, the access rules that decide who may see
// what, and the errors the HTTP layer maps to status codes.
//
// The package has no dependencies beyond the standard library, so that the
// indexer, the search engine and the server can all speak it without importing
// each other (the layout follows benbjohnson/wtf).
package spravka

import (
	"strconv"
	"time"
)

// Languages the product ships analyzers and UI strings for, in the order the
// language chooser shows them.
var Languages = []string{"ru", "uk", "bg", "en"}

// IsLanguage reports whether lang is one of the supported languages.
func IsLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// Article is one help article in one language, as parsed from a Markdown file.
type Article struct {
	ID          string   // stable id; default is the path without extension and language suffix
	Lang        string   // ru, uk, bg or en
	Title       string   // required
	Translation string   // key shared by the language versions of one article; default ID
	Category    string   // category slug; default is the first folder
	Slug        string   // last path element without extension and language suffix
	Tags        []string // free tags
	Products    []string // products the article applies to
	Audience    []string // "public" (default), "internal", or agent tiers such as "l2"
	Draft       bool     // drafts are visible to nobody outside preview
	Questions   []string // alternative phrasings customers use
	Summary     string
	Weight      int      // ordering inside a category and a small ranking prior
	Aliases     []string // old paths that redirect here with 301
	Created     time.Time
	Updated     time.Time
	Author      string         // last author, from git when available
	Params      map[string]any // unknown front matter keys, kept for themes

	Path     string    // slash-separated path relative to the content root
	Hash     string    // content hash of the source file, for the index manifest
	HTML     string    // rendered body, safe to insert: raw HTML escaped or sanitised
	Lead     string    // plain text before the first section heading
	LeadCode string    // code-only blocks before the first section heading, one line each
	Sections []Section // ## and ### sections in document order
	Links    []Link    // links found in the body, for `spravka check`
}

// Section is a part of an article that starts at a ## or ### heading.
type Section struct {
	ID    string // anchor, unique within the article; keeps Cyrillic letters
	Title string
	Level int    // 2 or 3
	Text  string // plain text of the section body, for indexing and passages
	Code  string // code-only blocks of the section (commands, examples), one line each
	Line  int    // line of the heading in the source file
}

// Link is a link or image reference found in an article body.
type Link struct {
	Dest  string
	Image bool
	Line  int
}

// IsPublic reports whether anonymous visitors may see the article.
func (a *Article) IsPublic() bool {
	return !a.Draft && len(a.Audience) == 1 && a.Audience[0] == AudiencePublic
}

// Key identifies an article version: one id in one language.
func (a *Article) Key() string { return a.Lang + "/" + a.ID }

// Category groups articles; its metadata comes from the folder's _index.md.
type Category struct {
	ID          string `json:"id"`
	Lang        string `json:"lang"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Weight      int    `json:"weight"`
	Count       int    `json:"count"`
	URL         string `json:"url"`
}

// Problem is a defect found in a content file, reported as path:line: reason.
type Problem struct {
	Path    string
	Line    int
	Column  int
	Warning bool // warnings do not skip the file
	Message string
}

func (p Problem) String() string {
	s := p.Path
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return s + ": " + p.Message
}

// URL is the article's path on the public site: /{lang}/{category}/{slug}.
func (a *Article) URL() string { return "/" + a.Lang + "/" + a.Category + "/" + a.Slug }

// SectionURL is the URL of a section of the article.
func (a *Article) SectionURL(anchor string) string { return a.URL() + "#" + anchor }
