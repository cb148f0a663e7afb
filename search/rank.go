package search

import "math"

// scorer scores candidate documents against one analysed query: it
// computes the features of features.go and combines them with the learned
// Model. Hand-written because bleve scores each field on its own and
// cannot combine fields before saturation (BM25F), nor give a learned
// model its features; see README "Search quality".
type scorer struct {
	r     *Ranking
	q     *analyzedQuery
	st    *langStats
	stemS slotSet // term id → slot, for stems and synonyms
	altS  slotSet
	exS   slotSet // exact word id → slot
	fuzS  slotSet // typo-distance word id → slot
	trS   slotSet // word prefix id → slot
	idfW  float64 // total idf of the query
	model *Model
	// stemIDs lists every stem and synonym id of the query with the slot
	// it counts for, as the sequence walk would find it: a stem before a
	// synonym of another slot.
	stemIDs []slotTerm
	// proxMax bounds how much proximity can add to a score: the
	// feature's weight times the largest value it can take per idf.
	proxMax float64
}

// slotTerm is a query term id and the slot it counts for.
type slotTerm struct {
	id   uint32
	slot int
	alt  bool // a synonym: its term frequency is scaled by Ranking.Synonym
}

func newScorer(r *Ranking, model *Model, q *analyzedQuery, st *langStats) *scorer {
	s := &scorer{r: r, model: model, q: q, st: st}
	for i, sl := range q.slots {
		s.stemS.set(sl.stem, i)
		for _, a := range sl.alts {
			if _, ok := s.stemS.get(a); !ok {
				s.altS.set(a, i)
			}
		}
		s.exS.set(sl.exact, i)
		s.trS.set(sl.trunc, i)
		for _, f := range sl.fuzzy {
			s.fuzS.set(f, i)
		}
		s.idfW += sl.idf
	}
	seen := map[uint32]bool{}
	for _, sl := range q.slots {
		if i, ok := s.stemS.get(sl.stem); ok && !seen[sl.stem] {
			seen[sl.stem] = true
			s.stemIDs = append(s.stemIDs, slotTerm{id: sl.stem, slot: i})
		}
		for _, a := range sl.alts {
			if _, isStem := s.stemS.get(a); isStem || seen[a] {
				continue
			}
			if i, ok := s.altS.get(a); ok {
				seen[a] = true
				s.stemIDs = append(s.stemIDs, slotTerm{id: a, slot: i, alt: true})
			}
		}
	}
	maxW := 0.0
	for _, w := range r.Weight {
		maxW = max(maxW, w)
	}
	s.proxMax = model.w[ftProximity] * maxW / (1 + maxW)
	return s
}

// newScorer returns the engine's scorer for one analysed query.
func (e *Engine) newScorer(q *analyzedQuery, st *langStats) *scorer {
	return newScorer(&e.cfg.Ranking, e.cfg.Model, q, st)
}

// match is the outcome of scoring one document.
type match struct {
	score   float64
	matched []bool // per slot
	feat    [numFeatures]float64
}

// score computes the document's features and its score under the model;
// a document that matches no query word gets the zero match.
func (s *scorer) score(rd *rankDoc) match {
	n := len(s.q.slots)
	if n == 0 {
		return match{}
	}
	tf := make([]float64, n)   // length-normalised, field-weighted stem tf
	tfx := make([]float64, n)  // the same for exact forms
	tff := make([]float64, n)  // the same for typo-corrected forms
	fidf := make([]float64, n) // idf of the typo-corrected forms found
	tft := make([]float64, n)  // the same for word prefixes
	ftf := make([]float64, int(numRankFields)*n)
	for f := rankField(0); f < numRankFields; f++ {
		sig := rd.sig[f]
		if sig == 0 {
			continue // an empty field
		}
		w := s.r.Weight[f]
		norm := 1 - s.r.B[f] + s.r.B[f]*float64(rd.length[f])/s.st.avgLen(f)
		wn := w / norm
		fieldTF := ftf[int(f)*n : int(f+1)*n]
		if bag, parts := rd.stemTF[f], rd.partTF[f]; len(bag.ids) > 0 {
			for _, t := range s.stemIDs {
				c := bag.countIn(sig, t.id)
				if c == 0 {
					continue
				}
				cp := parts.countIn(sig, t.id)
				whole, part := 1.0, s.r.Part
				if t.alt {
					whole, part = s.r.Synonym, part*s.r.Synonym
				}
				// Occurrence by occurrence (whole words, then parts of
				// names), as the token walk this replaced added them: c·x
				// and x+…+x differ in the last bits, and the learner's
				// optimum moved by a point of MRR on a left-out group from
				// that alone (README "How noisy the protocol is").
				for j := 0; j < c; j++ {
					k := whole
					if j >= c-cp {
						k = part
					}
					tf[t.slot] += k * wn
					fieldTF[t.slot] += k
				}
			}
		}
		normX := 1 - s.r.B[f] + s.r.B[f]*float64(rd.lengthX[f])/math.Max(1, s.st.avgLen(f)*1.5)
		wx := w / normX
		ex, tr := rd.exactTF[f], rd.truncTF[f]
		for i := range s.q.slots {
			sl := &s.q.slots[i]
			if c := ex.countIn(sig, sl.exact); c > 0 {
				if k, _ := s.exS.get(sl.exact); k == i {
					tfx[i] += float64(c) * wx
				}
			}
			for _, id := range sl.fuzzy {
				if _, isExact := s.exS.get(id); isExact {
					continue // an exact word of the query counts as that
				}
				if k, _ := s.fuzS.get(id); k != i {
					continue
				}
				if c := ex.countIn(sig, id); c > 0 {
					tff[i] += float64(c) * wx
					// A corrected word weighs what the word it became
					// does: the typo itself is unknown, and an unknown
					// word's idf is the highest there is.
					fidf[i] = max(fidf[i], idf(s.st, int(s.st.exactDF[id])))
				}
			}
			if s.model.w[ftBM25FTrunc] > 0 { // a feature the model does not weigh is not worth computing
				if k, ok := s.trS.get(sl.trunc); ok && k == i {
					tft[i] += float64(tr.countIn(sig, sl.trunc)) * wx
				}
			}
		}
	}
	m := match{matched: make([]bool, n)}
	var got float64
	k1 := s.r.K1
	allLen, allTF := 0.0, 0.0
	for f := rankField(0); f < numRankFields; f++ {
		allLen += float64(rd.length[f])
	}
	for i, sl := range s.q.slots {
		t := tf[i]
		if t == 0 && tff[i] > 0 {
			m.feat[ftBM25FFuzzy] += fidf[i] * tff[i] / (k1 + tff[i])
		}
		if t == 0 && tfx[i] == 0 && tft[i] == 0 && tff[i] == 0 {
			continue
		}
		m.matched[i] = true
		got += sl.idf
		m.feat[ftBM25FStem] += sl.idf * t / (k1 + t)
		m.feat[ftBM25FExact] += sl.idf * tfx[i] / (k1 + tfx[i])
		m.feat[ftBM25FTrunc] += sl.tidf * tft[i] / (k1 + tft[i])
		allTF = 0
		for f := rankField(0); f < numRankFields; f++ {
			t := ftf[int(f)*n+i]
			if t == 0 {
				continue
			}
			allTF += t
			idf := s.st.fieldIDF(f, s.fieldDF(f, i))
			m.feat[fieldFeature[f]] += idf * bm25(t, float64(rd.length[f]), s.st.fieldAvgLen(f))
		}
		m.feat[ftAllBM25] += sl.idf * bm25(allTF, allLen, s.st.allAvgLen())
	}
	if got == 0 {
		return match{}
	}
	if s.idfW > 0 {
		for f := range m.feat {
			m.feat[f] /= s.idfW
		}
		m.feat[ftCoverage] = got / s.idfW
	}
	m.feat[ftTitleCoverage] = s.coverageOf(rd.stemTF[rfTitle])
	m.feat[ftQuestionsCoverage] = s.coverageOf(rd.stemTF[rfQuestions])
	m.score = s.model.score(&m.feat)
	return m
}

// fieldDF is the document frequency in field f of slot i's stem, or of its
// most frequent synonym when that is higher.
func (s *scorer) fieldDF(f rankField, i int) int {
	sl := &s.q.slots[i]
	df := 0
	if sl.stem != 0 {
		df = int(s.st.fieldDF[f][sl.stem])
	}
	for _, a := range sl.alts {
		df = max(df, int(s.st.fieldDF[f][a]))
	}
	return df
}

// proximity is the proximity feature of a document: for every pair of
// query words found at most two positions apart in a field, the smaller
// idf times a saturated closeness. It walks the stem sequences, so the
// ranker computes it only for documents that can reach the page (see
// scoreAll).
func (s *scorer) proximity(rd *rankDoc) float64 {
	n := len(s.q.slots)
	if n < 2 || s.idfW == 0 {
		return 0
	}
	var prox []float64
	for f := rankField(0); f < numRankFields; f++ {
		w := s.r.Weight[f]
		prev, prevPos := -1, -10
		for pos, id := range rd.stems[f] {
			i, ok := s.stemS.get(id)
			if !ok {
				if i, ok = s.altS.get(id); !ok {
					continue
				}
			}
			if prev >= 0 && prev != i && pos-prevPos <= 2 {
				if prox == nil {
					prox = make([]float64, n*n)
				}
				k := prev*n + i
				if prev > i {
					k = i*n + prev
				}
				prox[k] = math.Max(prox[k], w/float64(pos-prevPos))
			}
			prev, prevPos = i, pos
		}
	}
	var out float64
	for a := 0; a < n && prox != nil; a++ {
		for b := a + 1; b < n; b++ {
			if p := prox[a*n+b]; p > 0 {
				out += math.Min(s.q.slots[a].idf, s.q.slots[b].idf) * p / (1 + p)
			}
		}
	}
	return out / s.idfW
}

// proximityBound is the most proximity can add to m's score: every pair of
// matched words adjacent in the heaviest field.
func (s *scorer) proximityBound(m *match) float64 {
	if s.proxMax == 0 || s.idfW == 0 {
		return 0
	}
	var sum float64
	for a := range m.matched {
		if !m.matched[a] {
			continue
		}
		for b := a + 1; b < len(m.matched); b++ {
			if m.matched[b] {
				sum += math.Min(s.q.slots[a].idf, s.q.slots[b].idf)
			}
		}
	}
	return s.proxMax * sum / s.idfW
}
