package eval

import (
	"math"
	"sort"
	"time"
)

// Metrics are macro-averaged over queries, as in the shared sets' README.
type Metrics struct {
	Queries int     `json:"queries"`
	MRR10   float64 `json:"mrr10"`
	P1      float64 `json:"p1"`
	R5      float64 `json:"r5"`
	R10     float64 `json:"r10"`
	NDCG10  float64 `json:"ndcg10"`
	MAP     float64 `json:"map"`
	P50MS   float64 `json:"p50_ms"`
	P99MS   float64 `json:"p99_ms"`
	// Outcomes has one row per scored query, for error analysis
	// (spravka eval --misses); it is not part of the JSON summary.
	Outcomes []Outcome `json:"-"`
}

// Outcome is how one query did: the rank of its first relevant article
// (0 when none is in the top Depth) and the article ranked first.
type Outcome struct {
	ID, Text string
	Rank     int
	Top      string
}

// queryMetrics scores one ranked list (article ids, best first) against the
// judgements of its query.
func queryMetrics(ranked []string, rel map[string]float64) (mrr, p1, r5, r10, ndcg, ap float64) {
	nrel := 0
	var ideal []float64
	for _, g := range rel {
		if g > 0 {
			nrel++
			ideal = append(ideal, g)
		}
	}
	if nrel == 0 {
		return
	}
	found, hits5, hits10 := 0, 0, 0
	var dcg, sumPrec float64
	for i, id := range ranked {
		g := rel[id]
		if g <= 0 {
			continue
		}
		found++
		if i < 10 {
			if mrr == 0 {
				mrr = 1 / float64(i+1)
			}
			dcg += g / math.Log2(float64(i+2))
			hits10++
			if i < 5 {
				hits5++
			}
			if i == 0 {
				p1 = 1
			}
		}
		if i < 1000 {
			sumPrec += float64(found) / float64(i+1)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ideal)))
	var idcg float64
	for i := 0; i < len(ideal) && i < 10; i++ {
		idcg += ideal[i] / math.Log2(float64(i+2))
	}
	if idcg > 0 {
		ndcg = dcg / idcg
	}
	r5 = float64(hits5) / float64(nrel)
	r10 = float64(hits10) / float64(nrel)
	ap = sumPrec / float64(nrel)
	return
}

// percentile returns the p-th percentile (0..100) of ds in milliseconds.
func percentile(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	i = max(0, min(i, len(s)-1))
	return float64(s[i].Microseconds()) / 1000
}
