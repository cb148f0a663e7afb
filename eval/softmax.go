package eval

import "math"

// LearnSoftmax returns non-negative weights that minimise the listwise
// softmax loss (ListNet with one relevant class: −log of the probability
// mass a query's softmax puts on its relevant rows) plus an L2 penalty,
// by projected gradient descent from zero. Unlike coordinate ascent on
// MRR it optimises a smooth surrogate with one optimum, so it depends less
// on where it starts and on the few queries whose rank flips.
func LearnSoftmax(groups []Group, nf int, l2 float64, iters int) []float64 {
	w := make([]float64, nf)
	grad := make([]float64, nf)
	m := make([]float64, nf) // Adam moments: a fixed schedule, deterministic
	v := make([]float64, nf)
	const lr, b1, b2, eps = 0.2, 0.9, 0.999, 1e-8
	var scores, p []float64
	for it := 1; it <= iters; it++ {
		for j := range grad {
			grad[j] = l2 * w[j]
		}
		for _, g := range groups {
			if len(g.Queries) == 0 {
				continue
			}
			share := 1 / float64(len(g.Queries)*len(groups))
			for _, q := range g.Queries {
				scores = q.scores(w, scores[:0])
				p = softmaxGrad(q, scores, p[:0])
				if p == nil {
					continue
				}
				for i := range q.grade {
					if p[i] == 0 {
						continue
					}
					row := q.feats[i*nf : (i+1)*nf]
					for j, x := range row {
						grad[j] += share * p[i] * x
					}
				}
			}
		}
		for j := range w {
			m[j] = b1*m[j] + (1-b1)*grad[j]
			v[j] = b2*v[j] + (1-b2)*grad[j]*grad[j]
			mh := m[j] / (1 - math.Pow(b1, float64(it)))
			vh := v[j] / (1 - math.Pow(b2, float64(it)))
			w[j] = max(0, w[j]-lr*mh/(math.Sqrt(vh)+eps))
		}
	}
	return w
}

// softmaxGrad returns, per row, the derivative of the query's loss by the
// row's score: softmax(all) − softmax(relevant) restricted to relevant
// rows. Queries with no relevant candidate give nil (nothing to learn).
func softmaxGrad(q Ranked, scores, out []float64) []float64 {
	top := math.Inf(-1)
	anyRel := false
	for i, s := range scores {
		top = max(top, s)
		anyRel = anyRel || q.grade[i] > 0
	}
	if !anyRel {
		return nil
	}
	var zAll, zRel float64
	for i, s := range scores {
		e := math.Exp(s - top)
		zAll += e
		if q.grade[i] > 0 {
			zRel += e
		}
	}
	for i, s := range scores {
		e := math.Exp(s - top)
		d := e / zAll
		if q.grade[i] > 0 {
			d -= e / zRel
		}
		out = append(out, d)
	}
	return out
}
