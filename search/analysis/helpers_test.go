package analysis

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// allAnalyzers lists every registered analyzer; rules that hold for all of
// them are checked through each.
var allAnalyzers = []string{Exact, English, Russian, Ukrainian, Bulgarian}

// analyzer returns a registered analyzer the way bleve resolves it from a
// mapping, so the tests exercise the real registration.
func analyzer(t testing.TB, name string) bleveanalysis.Analyzer {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		t.Fatalf("analyzer %s: %v", name, err)
	}
	return a
}

// terms analyses text and returns the terms.
func terms(t testing.TB, name, text string) []string {
	t.Helper()
	var out []string
	for _, tok := range analyzer(t, name).Analyze([]byte(text)) {
		out = append(out, string(tok.Term))
	}
	return out
}

// pair is one line of a testdata word-pair list.
type pair struct {
	a, b string
	line int
}

// readPairs reads testdata/name: "word1 word2" lines, # comments, blank
// lines ignored. A malformed line fails the test rather than being skipped.
func readPairs(t *testing.T, name string) []pair {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []pair
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			t.Fatalf("%s:%d: want two words, got %q", name, n, line)
		}
		out = append(out, pair{fields[0], fields[1], n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
