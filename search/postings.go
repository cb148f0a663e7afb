package search

import (
	"container/heap"
	"slices"
	"sort"
)

// postings is one language's in-memory inverted index over the served
// articles: for every stem and word-prefix term, the documents that have
// it with a one-byte impact (the saturated, field-weighted term frequency
// of BM25F). It finds a query's candidates without bleve: an index query
// per search cost half of all search time, most of it in decoding stored
// doc values, where summing a few short arrays costs microseconds. The
// ranker then computes the full features of the best candidates only.
type postings struct {
	docs  []*entry // document number → entry, in key order
	terms map[uint32]postingList
	aud   audienceBits
}

// postingList holds ascending document numbers and their impacts.
type postingList struct {
	docs   []int32
	impact []uint8
}

// buildPostings indexes the entries of one language.
func buildPostings(entries []*entry, r *Ranking, st *langStats) *postings {
	slices.SortFunc(entries, func(a, b *entry) int {
		switch ka, kb := a.art.Key(), b.art.Key(); {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	p := &postings{docs: entries, terms: map[uint32]postingList{}}
	tf := map[uint32]float64{}
	for n, en := range entries {
		clear(tf)
		rd := en.rank
		for f := rankField(0); f < numRankFields; f++ {
			norm := 1 - r.B[f] + r.B[f]*float64(rd.length[f])/st.avgLen(f)
			w := r.Weight[f] / norm
			for _, id := range rd.stems[f] {
				tf[id] += w
			}
			for i, id := range rd.truncTF[f].ids {
				tf[id] += w * float64(rd.truncTF[f].n[i])
			}
		}
		for id, t := range tf {
			pl := p.terms[id]
			pl.docs = append(pl.docs, int32(n))
			pl.impact = append(pl.impact, uint8(1+254*t/(r.K1+t)))
			p.terms[id] = pl
		}
	}
	p.aud = newAudienceBits(entries)
	for id, pl := range p.terms {
		// Appending doubled their capacity; a snapshot keeps them all.
		p.terms[id] = postingList{docs: slices.Clone(pl.docs), impact: slices.Clone(pl.impact)}
	}
	return p
}

// firstStage returns up to k documents that pass keep, best first by the
// sum of their terms' idf-weighted impacts, and how many passed in all.
// With all set, it also returns every document that passed, for facets.
func (p *postings) firstStage(aq *analyzedQuery, fuzzyStems [][]uint32, k int, filter *docFilter, all bool) ([]*entry, []*entry, int) {
	if p == nil || len(p.docs) == 0 {
		return nil, nil, 0
	}
	acc := make([]float32, len(p.docs))
	var touched []int32
	add := func(id uint32, weight float64) {
		pl, ok := p.terms[id]
		if !ok || weight <= 0 {
			return
		}
		w := float32(weight / 255)
		for i, d := range pl.docs {
			if acc[d] == 0 {
				touched = append(touched, d)
			}
			acc[d] += w * float32(pl.impact[i])
		}
	}
	for i, sl := range aq.slots {
		if sl.stem != 0 {
			add(sl.stem, sl.idf)
		}
		for _, a := range sl.alts {
			add(a, sl.idf*0.8)
		}
		if sl.stem == 0 && i < len(fuzzyStems) {
			for _, f := range fuzzyStems[i] {
				add(f, sl.idf*0.5)
			}
		}
		if sl.trunc != 0 {
			add(sl.trunc, sl.tidf*0.5)
		}
	}
	keep := filter.keeper(p)
	passed := touched[:0]
	for _, d := range touched {
		if keep(d) {
			passed = append(passed, d)
		}
	}
	var matched []*entry
	if all {
		matched = make([]*entry, len(passed))
		for i, d := range passed {
			matched[i] = p.docs[d]
		}
	}
	best := topK(passed, acc, k)
	out := make([]*entry, len(best))
	for i, d := range best {
		out[i] = p.docs[d]
	}
	return out, matched, len(passed)
}

// topK returns the k documents of docs with the highest acc, best first,
// ties to the lower document number (key order), in O(n log k).
func topK(docs []int32, acc []float32, k int) []int32 {
	better := func(a, b int32) bool { return acc[a] > acc[b] || (acc[a] == acc[b] && a < b) }
	h := &docHeap{better: better}
	for _, d := range docs {
		if len(h.docs) < k {
			heap.Push(h, d)
		} else if k > 0 && better(d, h.docs[0]) {
			h.docs[0] = d
			heap.Fix(h, 0)
		}
	}
	out := h.docs
	sort.Slice(out, func(i, j int) bool { return better(out[i], out[j]) })
	return out
}

// docHeap keeps the worst of the best k on top.
type docHeap struct {
	docs   []int32
	better func(a, b int32) bool
}

func (h *docHeap) Len() int           { return len(h.docs) }
func (h *docHeap) Less(i, j int) bool { return h.better(h.docs[j], h.docs[i]) }
func (h *docHeap) Swap(i, j int)      { h.docs[i], h.docs[j] = h.docs[j], h.docs[i] }
func (h *docHeap) Push(x any)         { h.docs = append(h.docs, x.(int32)) }
func (h *docHeap) Pop() any {
	d := h.docs[len(h.docs)-1]
	h.docs = h.docs[:len(h.docs)-1]
	return d
}
