package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search/analysis"
)

// MappingVersion changes whenever the mapping or an analyzer changes the
// terms it produces; a persisted index with another version is rebuilt.
const MappingVersion = 7

// Field names of the bleve documents. Candidates, filters, facets and
// ranking work on the in-memory snapshot (postings.go, rank.go); bleve
// keeps the persisted index of what was written and the word dictionary
// that typo correction searches by edit distance, so only that is indexed
// as text.
const (
	fieldAllExact = "allx"     // title, questions, tags, headings, body, normalised only (typos)
	fieldLang     = "lang"     // keyword
	fieldCategory = "category" // keyword
	fieldTag      = "tag"      // keyword
	fieldProduct  = "product"  // keyword
	// fieldVisible holds the audiences of a published article (public,
	// internal, tiers) and nothing for a draft, so that who-may-see-what is
	// one small disjunction inside every query.
	fieldVisible = "visible"
)

// document is what bleve indexes for one article version.
type document struct {
	Lang     string   `json:"lang"`
	AllX     string   `json:"allx"`
	Category string   `json:"category"`
	Tag      []string `json:"tag"`
	Product  []string `json:"product"`
	Visible  []string `json:"visible"`
}

// BleveType selects the per-language document mapping, so the "all" field
// is analysed with the article's own language analyzer.
func (d document) BleveType() string { return d.Lang }

func newDocument(a *spravka.Article) document {
	var visible []string
	if !a.Draft {
		visible = a.Audience
	}
	return document{
		Lang:     a.Lang,
		AllX:     fullText(a),
		Category: a.Category,
		Tag:      a.Tags,
		Product:  a.Products,
		Visible:  visible,
	}
}

// newMapping builds the index mapping: one document mapping per language.
func newMapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.DefaultAnalyzer = analysis.Exact
	for _, lang := range spravka.Languages {
		im.AddDocumentMapping(lang, langMapping(analysis.ForLang(lang)))
	}
	im.DefaultMapping = langMapping(analysis.Exact)
	return im
}

func langMapping(stemmed string) *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false // facets are counted in memory
		return f
	}
	dm.AddFieldMappingsAt(fieldAllExact, text(analysis.Exact))
	for _, f := range []string{fieldLang, fieldCategory, fieldTag, fieldProduct, fieldVisible} {
		dm.AddFieldMappingsAt(f, kw())
	}
	return dm
}
