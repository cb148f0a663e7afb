package eval

import (
	"math"
	"testing"
)

// query makes a ranked query: rows of two features; the first row is the
// relevant one.
func query(rows ...[2]float64) Ranked {
	r := Ranked{ideal: []float64{1}}
	for i, x := range rows {
		r.feats = append(r.feats, x[0], x[1])
		g := 0.0
		if i == 0 {
			g = 1
		}
		r.grade = append(r.grade, g)
	}
	return r
}

// In this group only the second feature tells the answer apart; the first
// prefers a wrong row. Both learners must find that.
var separable = Group{Name: "toy", Queries: []Ranked{
	query([2]float64{0, 1}, [2]float64{1, 0}),
	query([2]float64{0.2, 0.9}, [2]float64{0.9, 0.1}, [2]float64{0.5, 0.5}),
	query([2]float64{0.1, 0.6}, [2]float64{0.8, 0.2}),
}}

func TestLearnersFindTheSeparatingFeature(t *testing.T) {
	for name, w := range map[string][]float64{
		"coordinate ascent": Learn([]Group{separable}, 2),
		"softmax":           LearnSoftmax([]Group{separable}, 2, 1e-3, 300),
	} {
		if got := separable.Score(w).MRR10; got != 1 {
			t.Errorf("%s: weights %v give MRR@10 %v, want 1", name, w, got)
		}
		if w[1] <= w[0] {
			t.Errorf("%s: weights %v, want the second feature to weigh more", name, w)
		}
	}
}

func TestScoreBreaksTiesByRowOrder(t *testing.T) {
	// Equal scores: the engine keeps its tie order, so row 0 (relevant) wins.
	g := Group{Queries: []Ranked{query([2]float64{1, 1}, [2]float64{1, 1})}}
	if got := g.Score([]float64{1, 1}).MRR10; got != 1 {
		t.Errorf("tie: MRR@10 %v, want 1", got)
	}
	// Relevant row third of three: MRR 1/3, nDCG 1/log2(4).
	g = Group{Queries: []Ranked{query([2]float64{0, 0}, [2]float64{1, 0}, [2]float64{2, 0})}}
	s := g.Score([]float64{1, 0})
	if math.Abs(s.MRR10-1.0/3) > 1e-9 || math.Abs(s.NDCG10-0.5) > 1e-9 {
		t.Errorf("third place: %+v, want MRR 0.333 and nDCG 0.5", s)
	}
}

func TestCrossValidateLeavesTheGroupOut(t *testing.T) {
	// Group b rewards the first feature, a and c the second: trained
	// without b, the model cannot know what b wants.
	b := Group{Name: "b", Queries: []Ranked{query([2]float64{1, 0}, [2]float64{0, 1}), query([2]float64{1, 0.2}, [2]float64{0, 1})}}
	a, c := separable, separable
	left, _ := CrossValidate([]Group{a, b, c}, nil, func(g []Group) []float64 { return Learn(g, 2) })
	if left[1].MRR10 == 1 {
		t.Errorf("left-out b scored %v: training must not have seen it", left[1].MRR10)
	}
	if in := b.Score(Learn([]Group{b}, 2)).MRR10; in != 1 {
		t.Errorf("b alone is learnable, got MRR@10 %v", in)
	}
}
