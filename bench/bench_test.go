package bench

import (
	"context"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// corpusSize is the generated corpus of the speed targets.
const corpusSize = 20000

var (
	built     sync.Once
	builtEng  *search.Engine
	builtVoc  Vocabulary
	builtErr  error
	builtDir  string
	buildTook time.Duration
)

// engine20k indexes the generated corpus once per benchmark binary.
func engine20k(b *testing.B) (*search.Engine, Vocabulary) {
	b.Helper()
	built.Do(func() {
		builtVoc, builtErr = SampleVocabulary()
		if builtErr != nil {
			return
		}
		builtDir, builtErr = makeTempDir()
		if builtErr != nil {
			return
		}
		builtEng, builtErr = search.Open(search.Config{DataDir: builtDir, Logger: slog.New(slog.DiscardHandler)})
		if builtErr != nil {
			return
		}
		start := time.Now()
		_, builtErr = indexer.Build(context.Background(), builtEng, Generate(builtVoc, corpusSize, 1), indexer.Options{}, nil)
		buildTook = time.Since(start)
	})
	if builtErr != nil {
		b.Fatal(builtErr)
	}
	return builtEng, builtVoc
}

// BenchmarkIndex20k measures a full index build of the generated corpus:
// parsing, analysis and bleve batches.
func BenchmarkIndex20k(b *testing.B) {
	v, err := SampleVocabulary()
	if err != nil {
		b.Fatal(err)
	}
	fsys := Generate(v, corpusSize, 1)
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		eng, err := search.Open(search.Config{DataDir: dir, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := indexer.Build(context.Background(), eng, fsys, indexer.Options{}, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(corpusSize)/time.Since(start).Seconds(), "articles/s")
		eng.Close()
	}
}

// BenchmarkSearch20k runs short queries in the four languages and reports
// latency percentiles.
func BenchmarkSearch20k(b *testing.B) {
	eng, v := engine20k(b)
	queries := Queries(v, 2000, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		reportLatency(b, eng, queries)
	}
}

// BenchmarkSearchLongQuery20k runs 2,000-character queries of random words:
// a pasted customer message must not slow search down.
func BenchmarkSearchLongQuery20k(b *testing.B) {
	eng, v := engine20k(b)
	var queries []spravka.Query
	for _, q := range Queries(v, 200, 5) {
		var sb strings.Builder
		for j := 0; sb.Len() < 4000; j++ { // ~2,000 Cyrillic runes
			w := v[q.Lang][(j*7919+len(q.Text))%len(v[q.Lang])]
			sb.WriteString(w + " ")
		}
		text := []rune(sb.String())
		q.Text = string(text[:min(len(text), spravka.MaxQueryRunes)])
		queries = append(queries, q)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		reportLatency(b, eng, queries)
	}
}

func reportLatency(b *testing.B, eng *search.Engine, queries []spravka.Query) {
	b.Helper()
	took := make([]time.Duration, 0, len(queries))
	for _, q := range queries {
		start := time.Now()
		if _, err := eng.Search(context.Background(), q); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportPercentiles(b, took)
}

// reportPercentiles reports p50 and p99 of per-call latencies in ms.
func reportPercentiles(b *testing.B, took []time.Duration) {
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	ms := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op") // per-call figures above are the ones that matter
}

// BenchmarkAutocomplete20k types the first letters of title words, as a
// visitor does in the search box, and reports latency percentiles (target:
// p99 ≤ 5 ms).
func BenchmarkAutocomplete20k(b *testing.B) {
	eng, v := engine20k(b)
	var inputs []spravka.Query
	for _, q := range Queries(v, 2000, 11) {
		words := strings.Fields(q.Text)
		last := []rune(words[len(words)-1])
		words[len(words)-1] = string(last[:min(len(last), 2+len(words)%3)])
		q.Text = strings.Join(words, " ")
		inputs = append(inputs, q)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		took := make([]time.Duration, 0, len(inputs))
		for _, q := range inputs {
			start := time.Now()
			if _, err := eng.Autocomplete(context.Background(), spravka.Query{Text: q.Text, Lang: q.Lang, Access: spravka.Public}); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
		}
		reportPercentiles(b, took)
	}
}
