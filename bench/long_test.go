package bench

import (
	"testing"

	"github.com/spravka/spravka/internal/evaltest"
)

// BenchmarkLongArticles2k searches 2,000 generated articles of 3,000–10,000
// words (the ranking issue's long-article corpus) with the short queries of
// BenchmarkSearch20k: a long article must cost about what a short one does
// (target p50 ≤ 1 ms, p99 ≤ 3 ms).
func BenchmarkLongArticles2k(b *testing.B) {
	v, err := SampleVocabulary()
	if err != nil {
		b.Fatal(err)
	}
	eng := evaltest.Engine(b, GenerateLong(v, 2000, 3000, 10000, 5))
	queries := Queries(v, 2000, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		reportLatency(b, eng, queries)
	}
}
