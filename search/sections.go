package search

// bestSection returns the index of the section that answers the query best,
// or -1 when the lead does (or nothing stands out). Section headings count
// double: a heading that names the question is the strongest signal a
// writer gives.
func bestSection(s *scorer, rd *rankDoc) int {
	best, bestScore := -1, 0.0
	for i := -1; i < len(rd.sectionStart); i++ {
		bf, bt, hf, ht := rd.sectionSpan(i)
		tf := make([]float64, len(s.q.slots))
		count := func(seq []uint32, w float64) {
			for _, id := range seq {
				if k, ok := s.stemS.get(id); ok {
					tf[k] += w
				} else if k, ok := s.altS.get(id); ok {
					tf[k] += w * s.r.Synonym
				}
			}
		}
		count(rd.stems[rfBody][bf:bt], 1)
		count(rd.stems[rfHeadings][hf:ht], 2)
		var score float64
		for k, t := range tf {
			if t > 0 {
				score += s.q.slots[k].idf * t / (s.r.K1 + t)
			}
		}
		if score > bestScore+1e-9 {
			best, bestScore = i, score
		}
	}
	return best
}
