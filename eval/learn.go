package eval

// Learning the ranker's weights. Coordinate ascent on the metric itself
// (Metzler & Croft 2007, RankLib's "CoordinateAscent"): a linear model of
// a dozen features has too few parameters to overfit thousands of
// queries, optimising MRR@10 directly needs no surrogate loss, and the
// search is deterministic, so `make train` always writes the same file.
// Weights stay ≥ 0 (every feature is evidence for a document), which also
// keeps scores ≥ 0 for the suggest confidence rule. Written by hand
// because no maintained pure-Go learning-to-rank library exists.

// Objective is what training maximises: the mean over groups of each
// group's MRR@10, so a small group counts as much as a large one.
func Objective(groups []Group, w []float64) float64 {
	var sum float64
	for _, g := range groups {
		sum += g.Score(w).MRR10
	}
	return sum / float64(len(groups))
}

// steps are the relative moves tried on one weight, as shares of the
// weights' total.
var steps = []float64{-1, -0.5, -0.25, -0.1, -0.05, -0.02, -0.01, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2}

// Learn returns the weights of nf features that maximise Objective on
// groups, by coordinate ascent from two starts (every feature equal; the
// first feature alone) keeping the better one.
func Learn(groups []Group, nf int) []float64 {
	uniform := make([]float64, nf)
	first := make([]float64, nf)
	for i := range uniform {
		uniform[i] = 1 / float64(nf)
	}
	first[0] = 1
	best, bestObj := []float64(nil), -1.0
	for _, start := range [][]float64{uniform, first} {
		w := ascend(groups, start)
		if o := Objective(groups, w); o > bestObj+1e-9 {
			best, bestObj = w, o
		}
	}
	return best
}

func ascend(groups []Group, start []float64) []float64 {
	w := append([]float64(nil), start...)
	nf := len(w)
	// base holds every row's score under w, so trying a move of one
	// weight costs one multiply-add a row instead of a whole dot product.
	base := make([][][]float64, len(groups))
	for g, grp := range groups {
		base[g] = make([][]float64, len(grp.Queries))
		for q, r := range grp.Queries {
			base[g][q] = r.scores(w, nil)
		}
	}
	var buf []float64
	objective := func(j int, delta float64) float64 {
		var sum float64
		for g, grp := range groups {
			var mrr float64
			for q, r := range grp.Queries {
				buf = buf[:0]
				for i, s := range base[g][q] {
					buf = append(buf, s+delta*r.feats[i*nf+j])
				}
				m, _ := r.metrics(buf)
				mrr += m
			}
			sum += mrr / float64(max(len(grp.Queries), 1))
		}
		return sum / float64(len(groups))
	}
	obj := objective(0, 0)
	for sweep := 0; sweep < 40; sweep++ {
		before := obj
		for j := range w {
			total := l1(w)
			bestW, bestObj := w[j], obj
			for _, st := range steps {
				c := max(w[j]+st*total, 0)
				if c == w[j] || total-w[j]+c <= 0 {
					continue
				}
				if o := objective(j, c-w[j]); o > bestObj+1e-7 {
					bestW, bestObj = c, o
				}
			}
			if delta := bestW - w[j]; delta != 0 {
				for g, grp := range groups {
					for q, r := range grp.Queries {
						for i := range base[g][q] {
							base[g][q][i] += delta * r.feats[i*nf+j]
						}
					}
				}
				w[j], obj = bestW, bestObj
			}
		}
		if obj-before < 1e-5 {
			break
		}
	}
	normalize(w)
	return w
}

func l1(w []float64) float64 {
	var s float64
	for _, x := range w {
		s += x
	}
	return s
}

func normalize(w []float64) {
	if t := l1(w); t > 0 {
		for i := range w {
			w[i] /= t
		}
	}
}

// CrossValidate trains on all groups but one and scores the one left out,
// for every group in turn (leave-one-group-out). extra groups are always
// in training and never scored. It returns, per group, the left-out score
// and the weights trained without it.
func CrossValidate(groups, extra []Group, learn func([]Group) []float64) ([]GroupScore, [][]float64) {
	scores := make([]GroupScore, len(groups))
	weights := make([][]float64, len(groups))
	for i := range groups {
		train := append([]Group(nil), extra...)
		for k, g := range groups {
			if k != i {
				train = append(train, g)
			}
		}
		weights[i] = learn(train)
		scores[i] = groups[i].Score(weights[i])
	}
	return scores, weights
}
