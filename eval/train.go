package eval

import (
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"math"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search"
)

// A Group is one group of judged queries with each query's candidates and
// their features, ready for learning: a shared set in one query language,
// or the sample help center's own questions.
type Group struct {
	Name    string
	Queries []Ranked
}

// Ranked is one query's candidates, in the order the engine breaks ties.
type Ranked struct {
	feats []float64 // row-major: len(grade) rows of nf features
	grade []float64 // relevance grade of each row
	ideal []float64 // every relevant grade of the query, best first (nDCG)
}

// Collect asks the engine for the candidates and features of every judged
// query. Queries without judgements are skipped, as Run does; a query
// whose relevant articles are not among the candidates stays, scoring 0.
func Collect(ctx context.Context, eng *search.Engine, queries []Query, qrels Qrels, perPage int) ([]Ranked, error) {
	var out []Ranked
	for _, q := range queries {
		rel := qrels[q.ID]
		if len(rel) == 0 {
			continue
		}
		rows, err := eng.RankFeatures(ctx, spravka.Query{Text: q.Text, Lang: q.Lang, PerPage: perPage,
			Access: spravka.Access{Preview: true}, NoFallback: true})
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.ID, err)
		}
		r := Ranked{grade: make([]float64, len(rows))}
		for i, row := range rows {
			r.feats = append(r.feats, row.Features...)
			r.grade[i] = rel[row.ID]
		}
		r.ideal = idealGrades(rel)
		out = append(out, r)
	}
	return out, nil
}

// GroupScore is a group's quality under one set of weights.
type GroupScore struct {
	MRR10, NDCG10 float64
}

// Score ranks every query of g by w and returns the mean MRR@10 and nDCG@10.
func (g Group) Score(w []float64) GroupScore {
	var s GroupScore
	scores := make([]float64, 0, 256)
	for _, q := range g.Queries {
		scores = q.scores(w, scores[:0])
		mrr, ndcg := q.metrics(scores)
		s.MRR10 += mrr
		s.NDCG10 += ndcg
	}
	if n := float64(len(g.Queries)); n > 0 {
		s.MRR10 /= n
		s.NDCG10 /= n
	}
	return s
}

func (q Ranked) scores(w []float64, out []float64) []float64 {
	nf := len(w)
	for i := range q.grade {
		row := q.feats[i*nf : (i+1)*nf]
		var s float64
		for j, x := range row {
			s += w[j] * x
		}
		out = append(out, s)
	}
	return out
}

// metrics returns MRR@10 and nDCG@10 of the ranking by scores, ties
// broken by row order as the engine breaks them.
func (q Ranked) metrics(scores []float64) (mrr, ndcg float64) {
	top := topRows(scores, 10)
	var dcg float64
	for rank, i := range top {
		if g := q.grade[i]; g > 0 {
			if mrr == 0 {
				mrr = 1 / float64(rank+1)
			}
			dcg += g / math.Log2(float64(rank+2))
		}
	}
	var idcg float64
	for i := 0; i < len(q.ideal) && i < 10; i++ {
		idcg += q.ideal[i] / math.Log2(float64(i+2))
	}
	if idcg > 0 {
		ndcg = dcg / idcg
	}
	return mrr, ndcg
}

// topRows returns the indexes of the k best rows, best first; a row beats
// a later row of the same score.
func topRows(scores []float64, k int) []int {
	top := make([]int, 0, k+1)
	for i, s := range scores {
		pos := len(top)
		for pos > 0 && scores[top[pos-1]] < s {
			pos--
		}
		if pos >= k {
			continue
		}
		top = append(top, 0)
		copy(top[pos+1:], top[pos:])
		top[pos] = i
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

func idealGrades(rel map[string]float64) []float64 {
	var out []float64
	for _, g := range rel {
		if g > 0 {
			out = append(out, g)
		}
	}
	// Descending; the lists are short.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] > out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Mask zeroes the features whose index keep does not hold, in place.
func (g Group) Mask(keep map[int]bool) {
	for _, q := range g.Queries {
		nf := len(q.feats) / max(len(q.grade), 1)
		for i := range q.feats {
			if !keep[i%nf] {
				q.feats[i] = 0
			}
		}
	}
}

// groupFile is the on-disk form of groups, for repeating experiments on
// the same features without re-indexing the sets.
type groupFile struct {
	Name   string
	Feats  [][]float64
	Grades [][]float64
	Ideals [][]float64
}

// EncodeGroups writes groups with encoding/gob.
func EncodeGroups(w io.Writer, groups []Group) error {
	out := make([]groupFile, len(groups))
	for i, g := range groups {
		out[i].Name = g.Name
		for _, q := range g.Queries {
			out[i].Feats = append(out[i].Feats, q.feats)
			out[i].Grades = append(out[i].Grades, q.grade)
			out[i].Ideals = append(out[i].Ideals, q.ideal)
		}
	}
	return gob.NewEncoder(w).Encode(out)
}

// DecodeGroups reads what EncodeGroups wrote.
func DecodeGroups(r io.Reader) ([]Group, error) {
	var in []groupFile
	if err := gob.NewDecoder(r).Decode(&in); err != nil {
		return nil, fmt.Errorf("training cache: %w", err)
	}
	groups := make([]Group, len(in))
	for i, g := range in {
		groups[i].Name = g.Name
		for k := range g.Feats {
			groups[i].Queries = append(groups[i].Queries, Ranked{feats: g.Feats[k], grade: g.Grades[k], ideal: g.Ideals[k]})
		}
	}
	return groups, nil
}

// Recall is the share of g's queries with a relevant article among the
// candidates: the ceiling of any re-ranking.
func (g Group) Recall() float64 {
	n := 0
	for _, q := range g.Queries {
		for _, x := range q.grade {
			if x > 0 {
				n++
				break
			}
		}
	}
	return float64(n) / float64(max(len(g.Queries), 1))
}
