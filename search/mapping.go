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
const MappingVersion = 5

// Field names of the bleve documents. Ranking happens in rank.go on the
// in-memory articles; bleve finds candidates, filters and counts facets, so
// only what those need is indexed.
const (
	fieldAll      = "all"      // title, questions, tags, headings, body: stemmed per language
	fieldAllExact = "allx"     // the same text, normalised only (typos, exact words)
	fieldTitleX   = "titlex"   // title and questions, normalised only (autocomplete)
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
	All      string   `json:"all"`
	AllX     string   `json:"allx"`
	TitleX   string   `json:"titlex"`
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
	all := fullText(a)
	return document{
		Lang:     a.Lang,
		All:      all,
		AllX:     all,
		TitleX:   a.Title + "\n" + joinLines(a.Questions),
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
		f.DocValues = true
		return f
	}
	dm.AddFieldMappingsAt(fieldAll, text(stemmed))
	dm.AddFieldMappingsAt(fieldAllExact, text(analysis.Exact))
	dm.AddFieldMappingsAt(fieldTitleX, text(analysis.Exact))
	for _, f := range []string{fieldLang, fieldCategory, fieldTag, fieldProduct, fieldVisible} {
		dm.AddFieldMappingsAt(f, kw())
	}
	return dm
}
