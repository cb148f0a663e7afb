package search

import (
	"math"
	"sort"

	"github.com/spravka/spravka"
)

// entry is one served article with its ranking data.
type entry struct {
	art   *spravka.Article
	rank  *rankDoc
	words []titleWord // title and question words, for autocomplete
}

// langStats are the collection statistics BM25F needs, per language so that
// a Russian query is weighed against Russian articles only.
type langStats struct {
	docs     int
	df       map[uint32]int32 // documents containing the stem in any field
	exactDF  map[uint32]int32 // documents containing the exact term in any field
	truncDF  map[uint32]int32 // documents containing the word prefix in any field
	totalLen [numRankFields]int64
	// fieldDF and fieldDocs are per-field document frequencies and the
	// number of documents that have the field, for per-field BM25.
	fieldDF   [numRankFields]map[uint32]int32
	fieldDocs [numRankFields]int
}

func newLangStats() *langStats {
	s := &langStats{df: map[uint32]int32{}, exactDF: map[uint32]int32{}, truncDF: map[uint32]int32{}}
	for f := range s.fieldDF {
		s.fieldDF[f] = map[uint32]int32{}
	}
	return s
}

// allAvgLen is the mean length of a whole document.
func (s *langStats) allAvgLen() float64 {
	var t int64
	for _, n := range s.totalLen {
		t += n
	}
	if s.docs == 0 || t == 0 {
		return 1
	}
	return float64(t) / float64(s.docs)
}

// fieldAvgLen is the mean length of field f over the documents that have it.
func (s *langStats) fieldAvgLen(f rankField) float64 {
	if s.fieldDocs[f] == 0 || s.totalLen[f] == 0 {
		return 1
	}
	return float64(s.totalLen[f]) / float64(s.fieldDocs[f])
}

// fieldIDF is the idf of a term in field f alone.
func (s *langStats) fieldIDF(f rankField, df int) float64 {
	n := max(s.fieldDocs[f], 1)
	df = max(df, 1)
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

func (s *langStats) avgLen(f rankField) float64 {
	if s.docs == 0 || s.totalLen[f] == 0 {
		return 1
	}
	return float64(s.totalLen[f]) / float64(s.docs)
}

// add counts (sign = 1) or uncounts (sign = -1) a document.
func (s *langStats) add(rd *rankDoc, sign int32) {
	s.docs += int(sign)
	for f := rankField(0); f < numRankFields; f++ {
		s.totalLen[f] += int64(sign) * int64(rd.length[f])
		if rd.length[f] > 0 {
			s.fieldDocs[f] += int(sign)
		}
		for _, id := range rd.stemTF[f].ids {
			bump(s.fieldDF[f], id, sign)
		}
	}
	countDistinct(s.df, &rd.stemTF, sign)
	countDistinct(s.exactDF, &rd.exactTF, sign)
	countDistinct(s.truncDF, &rd.truncTF, sign)
}

// countDistinct counts (sign 1) or uncounts (sign -1) once every term of
// a document's field bags: a term in several fields is one document.
func countDistinct(df map[uint32]int32, bags *[numRankFields]termCounts, sign int32) {
	for f, bag := range bags {
	terms:
		for _, id := range bag.ids {
			for g := 0; g < f; g++ {
				if bags[g].count(id) > 0 {
					continue terms
				}
			}
			bump(df, id, sign)
		}
	}
}

func bump(df map[uint32]int32, id uint32, sign int32) {
	if n := df[id] + sign; n > 0 {
		df[id] = n
	} else {
		delete(df, id)
	}
}

func (s *langStats) clone() *langStats {
	c := &langStats{docs: s.docs, totalLen: s.totalLen, fieldDocs: s.fieldDocs,
		df: make(map[uint32]int32, len(s.df)), exactDF: make(map[uint32]int32, len(s.exactDF)),
		truncDF: make(map[uint32]int32, len(s.truncDF))}
	for f, m := range s.fieldDF {
		c.fieldDF[f] = make(map[uint32]int32, len(m))
		for k, v := range m {
			c.fieldDF[f][k] = v
		}
	}
	for k, v := range s.df {
		c.df[k] = v
	}
	for k, v := range s.exactDF {
		c.exactDF[k] = v
	}
	for k, v := range s.truncDF {
		c.truncDF[k] = v
	}
	return c
}

// snapshot is an immutable view of everything served. Updates build a new
// snapshot and swap it in, so readers never see a half-applied change.
type snapshot struct {
	entries     map[string]*entry                      // key lang/id
	stats       map[string]*langStats                  // by lang
	hidden      map[string]hiddenStats                 // by lang: terms of the articles the public may not read
	synonyms    map[string]*synonyms                   // by lang
	categories  map[string]map[string]spravka.Category // lang → id → metadata
	aliases     map[string]string                      // old path → article key
	byTrans     map[string][]*entry                    // translation key → versions, sorted by lang order
	completions completions                            // title and question words for autocomplete
	postings    map[string]*postings                   // by lang: the first stage of every search
}

func emptySnapshot() *snapshot {
	s := &snapshot{
		entries:    map[string]*entry{},
		stats:      map[string]*langStats{},
		hidden:     map[string]hiddenStats{},
		synonyms:   map[string]*synonyms{},
		categories: map[string]map[string]spravka.Category{},
		postings:   map[string]*postings{},
	}
	for _, l := range spravka.Languages {
		s.stats[l] = newLangStats()
		s.hidden[l] = hiddenStats{}
	}
	s.reindexDerived()
	return s
}

// indexLangs rebuilds the postings of the given languages from entries.
func (s *snapshot) indexLangs(r *Ranking, langs map[string]bool) {
	byLang := map[string][]*entry{}
	for _, en := range s.entries {
		if langs[en.art.Lang] {
			byLang[en.art.Lang] = append(byLang[en.art.Lang], en)
		}
	}
	for l := range langs {
		s.postings[l] = buildPostings(byLang[l], r, s.stats[l])
	}
}

// reindexDerived rebuilds the small lookup maps derived from entries.
func (s *snapshot) reindexDerived() {
	s.aliases = map[string]string{}
	s.byTrans = map[string][]*entry{}
	s.completions = buildCompletions(s.entries)
	for key, e := range s.entries {
		for _, al := range e.art.Aliases {
			s.aliases[normalizeAlias(al)] = key
		}
		s.byTrans[e.art.Translation] = append(s.byTrans[e.art.Translation], e)
	}
	order := map[string]int{}
	for i, l := range spravka.Languages {
		order[l] = i
	}
	for _, list := range s.byTrans {
		sort.Slice(list, func(i, j int) bool { return order[list[i].art.Lang] < order[list[j].art.Lang] })
	}
}

func normalizeAlias(p string) string {
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	for len(p) > 1 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	return p
}
