package bench

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"

	"github.com/spravka/spravka/internal/evaltest"
)

// BenchmarkMemory50k builds the generated corpus at 50,000 articles, runs
// 1,000 searches and reports the process's resident memory (the ranking
// issue's target: ≤ 300 MiB) and the Go heap in use after a collection.
// It runs in a process of its own to mean anything: run it alone,
// `go test -run '^$' -bench Memory50k -benchtime 1x ./bench/`.
func BenchmarkMemory50k(b *testing.B) {
	v, err := SampleVocabulary()
	if err != nil {
		b.Fatal(err)
	}
	eng := evaltest.Engine(b, Generate(v, 50000, 7))
	for _, q := range Queries(v, 1000, 11) {
		if _, err := eng.Search(context.Background(), q); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if path := os.Getenv("SPRAVKA_HEAP_PROFILE"); path != "" {
		// Taken while the engine still serves, which -memprofile cannot.
		if f, err := os.Create(path); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	b.ReportMetric(float64(rssKiB(b))/1024, "rss-MiB")
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
	b.ReportMetric(0, "ns/op")
}

// rssKiB reads VmRSS from /proc/self/status (Linux).
func rssKiB(b *testing.B) int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	b.Fatal("no VmRSS in /proc/self/status")
	return 0
}
