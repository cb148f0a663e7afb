package search

import (
	"math"
	"slices"
	"sync"

	"github.com/spravka/spravka"
)

// rankField is a part of an article the ranker weighs on its own.
type rankField int

const (
	rfTitle rankField = iota
	rfQuestions
	rfTags
	rfHeadings
	rfBody
	rfCode // code-only blocks: commands and examples
	numRankFields
)

// dictionary maps terms to small integers so that the per-article token
// sequences cost four bytes a token. It only grows: a term that disappears
// from the content keeps its id, which is harmless and keeps ids stable for
// readers of older snapshots.
type dictionary struct {
	mu  sync.RWMutex
	ids map[string]uint32
}

func newDictionary() *dictionary { return &dictionary{ids: map[string]uint32{}} }

func (d *dictionary) intern(term string) uint32 {
	d.mu.RLock()
	id, ok := d.ids[term]
	d.mu.RUnlock()
	if ok {
		return id
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.ids[term]; ok {
		return id
	}
	id = uint32(len(d.ids) + 1) // 0 is never a term
	d.ids[term] = id
	return id
}

func (d *dictionary) lookup(term string) (uint32, bool) {
	d.mu.RLock()
	id, ok := d.ids[term]
	d.mu.RUnlock()
	return id, ok
}

// rankDoc is an article analysed for ranking: per field, the sequence of
// stemmed term ids (for BM25F and proximity) and of exact term ids (exact
// matches rank above stem-only ones).
type rankDoc struct {
	stems [numRankFields][]uint32
	// stemTF, exactTF and truncTF count the stems, the exact words and the
	// word prefixes of each field, and partTF the stems found as parts of
	// names: the features need no positions, so the ranker looks the
	// query's few terms up instead of walking every token, and a long
	// article costs what a short one does. Only proximity, section choice
	// and snippets read the stem sequences, for the few documents shown.
	stemTF, partTF, exactTF, truncTF [numRankFields]termCounts
	// sig is a one-word Bloom filter per field over the ids of its bags: a
	// candidate matches few of the query's terms, and most fields are
	// short, so most lookups end at one AND instead of a binary search.
	sig [numRankFields]uint64
	// length and lengthX are the BM25 lengths of the stem and exact
	// sequences: tokens stacked on one position count once.
	length, lengthX [numRankFields]int
	// parts are the ascending indexes in stems of the parts of dotted and
	// snake_case names, which the ranker weighs by Ranking.Part.
	parts [numRankFields][]int32
	// sectionStart[i] is where section i begins in stems[rfBody]; the lead
	// (summary and text before the first heading) comes before sectionStart[0].
	sectionStart []int32
	// headingStart[i] is where section i's title begins in stems[rfHeadings].
	headingStart []int32
	// bodyStart and bodyLen are the byte span of each term of stems[rfBody]
	// in its own text (summary, lead or section), for snippets; leadStart
	// is where the lead's terms begin after the summary's.
	bodyStart []uint32
	bodyLen   []uint16
	leadStart int32
}

func (an *analyzers) rankDoc(d *dictionary, a *spravka.Article) *rankDoc {
	rd := &rankDoc{}
	var exactSeq, truncSeq [numRankFields][]uint32
	add := func(f rankField, text string) {
		exactTS, stemTS := an.analyzeBoth(a.Lang, text)
		var stems []string
		var parts []int32
		var n int
		if f == rfBody {
			var starts []uint32
			var lens []uint16
			stems, parts, n, starts, lens = withOffsets(stemTS)
			rd.bodyStart = append(rd.bodyStart, starts...)
			rd.bodyLen = append(rd.bodyLen, lens...)
		} else {
			stems, parts, n = streamTerms(stemTS)
		}
		for _, p := range parts {
			rd.parts[f] = append(rd.parts[f], int32(len(rd.stems[f]))+p)
		}
		for _, t := range stems {
			rd.stems[f] = append(rd.stems[f], d.intern(t))
		}
		rd.length[f] += n
		exact, _, n := streamTerms(exactTS)
		rd.lengthX[f] += n
		for _, t := range exact {
			exactSeq[f] = append(exactSeq[f], d.intern(t))
			truncSeq[f] = append(truncSeq[f], d.intern(truncate(t)))
		}
	}
	add(rfTitle, a.Title)
	for _, q := range a.Questions {
		add(rfQuestions, q)
	}
	for _, t := range a.Tags {
		add(rfTags, t)
	}
	add(rfBody, a.Summary)
	rd.leadStart = int32(len(rd.stems[rfBody]))
	add(rfBody, a.Lead)
	add(rfCode, a.LeadCode)
	for _, s := range a.Sections {
		rd.sectionStart = append(rd.sectionStart, int32(len(rd.stems[rfBody])))
		rd.headingStart = append(rd.headingStart, int32(len(rd.stems[rfHeadings])))
		add(rfHeadings, s.Title)
		add(rfBody, s.Text)
		add(rfCode, s.Code)
	}
	for f := range exactSeq {
		rd.stemTF[f] = countTerms(rd.stems[f])
		if len(rd.parts[f]) > 0 {
			partSeq := make([]uint32, len(rd.parts[f]))
			for i, pos := range rd.parts[f] {
				partSeq[i] = rd.stems[f][pos]
			}
			rd.partTF[f] = countTerms(partSeq)
		}
		rd.exactTF[f] = countTerms(exactSeq[f])
		rd.truncTF[f] = countTerms(truncSeq[f])
		for _, bag := range []termCounts{rd.stemTF[f], rd.exactTF[f], rd.truncTF[f]} {
			for _, id := range bag.ids {
				rd.sig[f] |= sigBit(id)
			}
		}
		// The sequences grew by appending; keep them at their length,
		// since every served article holds them for its lifetime.
		rd.stems[f] = slices.Clip(slices.Clone(rd.stems[f]))
		rd.parts[f] = slices.Clone(rd.parts[f])
	}
	rd.bodyStart, rd.bodyLen = slices.Clone(rd.bodyStart), slices.Clone(rd.bodyLen)
	return rd
}

// termCounts is a bag of terms: ascending term ids and how often each
// occurs.
type termCounts struct {
	ids []uint32
	n   []uint16
}

func countTerms(seq []uint32) termCounts {
	if len(seq) == 0 {
		return termCounts{}
	}
	sorted := slices.Clone(seq)
	slices.Sort(sorted)
	distinct := 0
	for i, id := range sorted {
		if i == 0 || id != sorted[i-1] {
			distinct++
		}
	}
	// Exact sizes: there is one bag per field of every served article.
	tc := termCounts{ids: make([]uint32, 0, distinct), n: make([]uint16, 0, distinct)}
	for i, id := range sorted {
		if i > 0 && id == sorted[i-1] {
			if last := len(tc.n) - 1; tc.n[last] < math.MaxUint16 {
				tc.n[last]++
			}
			continue
		}
		tc.ids = append(tc.ids, id)
		tc.n = append(tc.n, 1)
	}
	return tc
}

// sigBit is id's bit in a field signature (rankDoc.sig).
func sigBit(id uint32) uint64 { return 1 << ((id * 2654435761) >> 26) }

// count returns how often id occurs.
func (tc termCounts) count(id uint32) int {
	// A plain loop: the generic slices.BinarySearch was the ranker's
	// largest single cost.
	lo, hi := 0, len(tc.ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tc.ids[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(tc.ids) && tc.ids[lo] == id && id != 0 {
		return int(tc.n[lo])
	}
	return 0
}

// countIn is count behind the field's signature.
func (tc termCounts) countIn(sig uint64, id uint32) int {
	if sig&sigBit(id) == 0 {
		return 0
	}
	return tc.count(id)
}

// sectionSpan returns the body and heading token ranges of section i; i = -1
// is the lead.
func (rd *rankDoc) sectionSpan(i int) (bodyFrom, bodyTo, headFrom, headTo int) {
	n := len(rd.sectionStart)
	if i < 0 {
		if n == 0 {
			return 0, len(rd.stems[rfBody]), 0, 0
		}
		return 0, int(rd.sectionStart[0]), 0, 0
	}
	bodyFrom, headFrom = int(rd.sectionStart[i]), int(rd.headingStart[i])
	bodyTo, headTo = len(rd.stems[rfBody]), len(rd.stems[rfHeadings])
	if i+1 < n {
		bodyTo, headTo = int(rd.sectionStart[i+1]), int(rd.headingStart[i+1])
	}
	return
}

// truncRunes is the length of the word prefix used as a second, cruder
// stem. Cutting words to their first five letters is a strong baseline for
// Slavic morphology and catches what a rule-based stemmer misses
// (alternations such as рядок/рядки, irregular forms).
const truncRunes = 5

// truncate returns the prefix term of w; the leading "~" keeps prefixes
// apart from real words in the shared dictionary.
func truncate(w string) string {
	n := 0
	for i := range w {
		if n == truncRunes {
			return "~" + w[:i]
		}
		n++
	}
	return "~" + w
}
