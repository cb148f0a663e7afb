package search

import "math"

// scorer scores candidate documents against one analysed query with BM25F,
// exact-form and proximity bonuses and a coordination factor. Hand-written
// because bleve scores each field on its own (per-field BM25 summed) and
// cannot combine fields before saturation (BM25F), which is what wins on
// short titles; see README "Search quality".
type scorer struct {
	r     *Ranking
	q     *analyzedQuery
	st    *langStats
	stemS map[uint32]int // term id → slot, for stems and synonyms
	altS  map[uint32]int
	exS   map[uint32]int // exact word id → slot
	fuzS  map[uint32]int // typo-distance word id → slot
	trS   map[uint32]int // word prefix id → slot
	idfW  float64        // total idf of the query
}

func newScorer(r *Ranking, q *analyzedQuery, st *langStats) *scorer {
	s := &scorer{r: r, q: q, st: st, stemS: map[uint32]int{}, altS: map[uint32]int{},
		exS: map[uint32]int{}, fuzS: map[uint32]int{}, trS: map[uint32]int{}}
	for i, sl := range q.slots {
		if sl.stem != 0 {
			s.stemS[sl.stem] = i
		}
		for _, a := range sl.alts {
			if _, ok := s.stemS[a]; !ok {
				s.altS[a] = i
			}
		}
		if sl.exact != 0 {
			s.exS[sl.exact] = i
		}
		if sl.trunc != 0 {
			s.trS[sl.trunc] = i
		}
		for _, f := range sl.fuzzy {
			s.fuzS[f] = i
		}
		s.idfW += sl.idf
	}
	return s
}

// match is the outcome of scoring one document.
type match struct {
	score   float64
	matched []bool // per slot
}

// score computes the document's score; zero means no query word matched.
func (s *scorer) score(rd *rankDoc) match {
	n := len(s.q.slots)
	if n == 0 {
		return match{}
	}
	tf := make([]float64, n)  // length-normalised, field-weighted stem tf
	tfx := make([]float64, n) // the same for exact forms
	tff := make([]float64, n) // the same for typo-corrected forms
	tft := make([]float64, n) // the same for word prefixes
	prox := make([]float64, n*n)
	for f := rankField(0); f < numRankFields; f++ {
		w := s.r.Weight[f]
		norm := 1 - s.r.B[f] + s.r.B[f]*float64(rd.length[f])/s.st.avgLen(f)
		wn := w / norm
		prev, prevPos := -1, -10
		parts := rd.parts[f]
		for pos, id := range rd.stems[f] {
			k := wn
			for len(parts) > 0 && int(parts[0]) < pos {
				parts = parts[1:]
			}
			if len(parts) > 0 && int(parts[0]) == pos {
				k *= s.r.Part
			}
			i, ok := s.stemS[id]
			if ok {
				tf[i] += k
			} else if i, ok = s.altS[id]; ok {
				tf[i] += k * s.r.Synonym
			} else {
				continue
			}
			if prev >= 0 && prev != i && pos-prevPos <= 2 {
				k := prev*n + i
				if prev > i {
					k = i*n + prev
				}
				prox[k] = math.Max(prox[k], w/float64(pos-prevPos))
			}
			prev, prevPos = i, pos
		}
		normX := 1 - s.r.B[f] + s.r.B[f]*float64(rd.lengthX[f])/math.Max(1, s.st.avgLen(f)*1.5)
		for _, id := range rd.exact[f] {
			if i, ok := s.exS[id]; ok {
				tfx[i] += w / normX
			} else if i, ok := s.fuzS[id]; ok {
				tff[i] += w / normX
			}
		}
		if s.r.Trunc > 0 {
			for _, id := range rd.trunc[f] {
				if i, ok := s.trS[id]; ok {
					tft[i] += w / normX
				}
			}
		}
	}
	m := match{matched: make([]bool, n)}
	var got float64
	k1 := s.r.K1
	for i, sl := range s.q.slots {
		t := tf[i]
		if t == 0 && tff[i] > 0 {
			t = tff[i] * s.r.Fuzzy
		}
		if t == 0 && tfx[i] == 0 && tft[i] == 0 {
			continue
		}
		m.matched[i] = true
		got += sl.idf
		m.score += sl.idf * t / (k1 + t)
		m.score += s.r.Exact * sl.idf * tfx[i] / (k1 + tfx[i])
		m.score += s.r.Trunc * sl.tidf * tft[i] / (k1 + tft[i])
	}
	if got == 0 {
		return match{}
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if p := prox[a*n+b]; p > 0 {
				m.score += s.r.Proximity * math.Min(s.q.slots[a].idf, s.q.slots[b].idf) * p / (1 + p)
			}
		}
	}
	if s.idfW > 0 && s.r.Coord > 0 {
		m.score *= math.Pow(got/s.idfW, s.r.Coord)
	}
	return m
}
