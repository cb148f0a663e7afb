// Package check is the linter behind `spravka check`: it loads a content
// folder the way the server does and adds what only makes sense across
// articles — broken links and anchors, missing images, public articles
// linking to hidden ones, colliding aliases, translation gaps — and a few
// style rules. Every finding has a file, a line and, where known, a column,
// so editors and CI annotate the right place.
package check

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/indexer"
)

// Severity of a diagnostic.
const (
	Error   = "error"
	Warning = "warning"
)

// Diagnostic is one finding.
type Diagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"` // stable name of the check, for filtering in CI
	Message  string `json:"message"`
}

func (d Diagnostic) String() string {
	pos := d.Path
	if d.Line > 0 {
		pos += fmt.Sprintf(":%d", d.Line)
		if d.Column > 0 {
			pos += fmt.Sprintf(":%d", d.Column)
		}
	}
	return pos + ": " + d.Severity + ": " + d.Message
}

// Problem converts d to the root package's shape, for preview pages.
func (d Diagnostic) Problem() spravka.Problem {
	return spravka.Problem{Path: d.Path, Line: d.Line, Column: d.Column, Warning: d.Severity == Warning, Message: d.Message}
}

// Report is the result of a check.
type Report struct {
	Diagnostics  []Diagnostic  `json:"diagnostics"`
	Translations []LangSummary `json:"translations"`
	Errors       int           `json:"errors"`
	Warnings     int           `json:"warnings"`
}

// Config tunes the style rules.
type Config struct {
	MaxTitleRunes int // longer titles are warned about; default 70, as search results cut them
}

// DefaultMaxTitleRunes is the MaxTitleRunes used when Config leaves it zero.
const DefaultMaxTitleRunes = 70

// Run loads the content folder fsys and checks it.
func Run(ctx context.Context, fsys fs.FS, opts indexer.Options, cfg Config) (*Report, error) {
	c, err := indexer.Load(ctx, fsys, opts)
	if err != nil {
		return nil, err
	}
	return Corpus(c, fsys, cfg), nil
}

// Corpus checks a loaded corpus; fsys is the folder it came from, read
// again for positions (columns, front matter lines) the corpus does not
// keep.
func Corpus(c *indexer.Corpus, fsys fs.FS, cfg Config) *Report {
	if cfg.MaxTitleRunes <= 0 {
		cfg.MaxTitleRunes = DefaultMaxTitleRunes
	}
	k := newChecker(c, fsys, cfg)
	for _, p := range c.Problems {
		d := Diagnostic{Path: p.Path, Line: p.Line, Column: p.Column, Severity: Error, Rule: "content", Message: p.Message}
		if p.Warning {
			d.Severity = Warning
		}
		k.out = append(k.out, d)
	}
	for _, a := range c.Articles {
		k.links(a)
		k.frontMatter(a)
	}
	k.aliases()
	r := &Report{Translations: k.translations()}
	r.Diagnostics = k.out
	slices.SortStableFunc(r.Diagnostics, func(a, b Diagnostic) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	for _, d := range r.Diagnostics {
		if d.Severity == Error {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	return r
}

// checker holds the lookups the cross-article checks share.
type checker struct {
	c      *indexer.Corpus
	fsys   fs.FS
	cfg    Config
	byPath map[string]*spravka.Article
	byURL  map[string]*spravka.Article
	cats   map[string]bool   // category URLs, /ru/billing
	failed map[string]bool   // files with errors, which are not served
	ids    map[string]idSet  // article path → element ids in its HTML
	srcs   map[string]source // file → lines and front matter, read on demand
	out    []Diagnostic
}

func newChecker(c *indexer.Corpus, fsys fs.FS, cfg Config) *checker {
	k := &checker{c: c, fsys: fsys, cfg: cfg, byPath: map[string]*spravka.Article{}, byURL: map[string]*spravka.Article{},
		cats: map[string]bool{}, failed: map[string]bool{}, ids: map[string]idSet{}, srcs: map[string]source{}}
	for _, a := range c.Articles {
		k.byPath[a.Path] = a
		k.byURL[a.URL()] = a
	}
	for lang, cats := range c.Categories {
		for id := range cats {
			k.cats["/"+lang+"/"+id] = true
		}
	}
	for _, p := range c.Problems {
		if !p.Warning {
			k.failed[p.Path] = true
		}
	}
	return k
}

func (k *checker) report(path string, line, col int, severity, rule, format string, args ...any) {
	k.out = append(k.out, Diagnostic{Path: path, Line: line, Column: col, Severity: severity, Rule: rule, Message: fmt.Sprintf(format, args...)})
}
