package search_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/internal/worst"
)

// maxRequestBytes is what one request may allocate, whatever it sends.
const maxRequestBytes = 10 << 20

// allocated returns the bytes fn allocates, the least of three runs, so
// that a background merge of the index does not count.
func allocated(fn func()) uint64 {
	best := ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fn()
		runtime.ReadMemStats(&after)
		best = min(best, after.TotalAlloc-before.TotalAlloc)
	}
	return best
}

// TestWorstInputsAreBounded sends each worst input (internal/worst) to search (with and
// without a language, so that detection, the layout correction and the
// fallback to every language run), suggest and autocomplete, and wants
// each call to allocate at most maxRequestBytes. The work is bounded by
// construction (see search/bounds.go); this checks the construction.
func TestWorstInputsAreBounded(t *testing.T) {
	eng := sampleEngine(t)
	ctx := context.Background()
	for _, in := range worst.Inputs() {
		text := in.Text
		calls := map[string]func(){
			"search":               func() { _, _ = eng.Search(ctx, spravka.Query{Text: text, Lang: "ru"}) },
			"search, any language": func() { _, _ = eng.Search(ctx, spravka.Query{Text: text}) },
			"suggest":              func() { _, _ = eng.Suggest(ctx, spravka.SuggestRequest{Text: text, Access: bot}) },
			"autocomplete":         func() { _, _ = eng.Autocomplete(ctx, spravka.Query{Text: text, Lang: "ru"}) },
		}
		for call, fn := range calls {
			if n := allocated(fn); n > maxRequestBytes {
				t.Errorf("%s of %s allocates %s, want at most %s", call, in.Name, mb(n), mb(maxRequestBytes))
			}
		}
	}
}

func mb(n uint64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
