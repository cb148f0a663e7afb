package search_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/eval"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/internal/evaltest"
	"github.com/spravka/spravka/search"
)

// judged is one evaluation query's signals and whether the first ranked
// article was relevant.
type judged struct {
	set   string
	lang  string // the query's
	sg    search.Signals
	right bool
}

// calibrationSets are the shared sets the confidence rule and the grade
// are calibrated on.
var calibrationSets = []string{"stackfaq", "xquad-en", "xquad-ru", "tldr-common"}

var (
	judgedOnce sync.Once
	judgedAll  []judged
	judgedErr  error
)

// sharedJudged runs the shared sets' queries through suggest once for all
// the calibration tests (about ten seconds).
func sharedJudged(t *testing.T) []judged {
	t.Helper()
	root := evaltest.SharedSets(t)
	judgedOnce.Do(func() {
		for _, set := range calibrationSets {
			js, err := judgeSet(filepath.Join(root, set), set)
			if err != nil {
				judgedErr = err
				return
			}
			judgedAll = append(judgedAll, js...)
		}
	})
	if judgedErr != nil {
		t.Fatal(judgedErr)
	}
	if len(judgedAll) == 0 {
		t.Fatal("no judged queries")
	}
	return judgedAll
}

// bySet groups judged queries by set, and all of them under "all".
func bySet(all []judged) map[string][]judged {
	out := map[string][]judged{"all": all}
	for _, j := range all {
		out[j.set] = append(out[j.set], j)
	}
	return out
}

// TestSuggestConfidenceCalibration checks the promise of the confident
// flag on the shared evaluation sets: among queries answered confidently,
// the first suggestion is relevant at least 90% of the time. It logs the
// coverage (share of confident queries) that README "Agents and suggest"
// reports. With SPRAVKA_CALIBRATE=1 it prints the precision and coverage
// of a grid of thresholds, the table the shipped ones were chosen from.
func TestSuggestConfidenceCalibration(t *testing.T) {
	all := sharedJudged(t)
	sets := bySet(all)
	isConfident := func(j judged) bool { return j.sg.Confident }
	for _, name := range append(calibrationSets, "all") {
		js := sets[name]
		p1, cov, n := precisionOf(js, isConfident)
		t.Logf("%-12s %5d queries  P@1 %.3f  confident %4d (coverage %.3f)  P@1 among confident %.3f",
			name, len(js), precisionAt1(js), n, cov, p1)
	}
	p1, cov, _ := precisionOf(all, isConfident)
	if p1 < 0.9 {
		t.Errorf("P@1 among confident answers is %.3f, the promise is ≥ 0.9", p1)
	}
	// Each set keeps the promise too, where it has enough confident
	// queries for the figure to mean something.
	for name, js := range sets {
		if p1, _, n := precisionOf(js, isConfident); n >= 30 && p1 < 0.9 {
			t.Errorf("%s: P@1 among %d confident answers is %.3f, want ≥ 0.9", name, n, p1)
		}
	}
	if cov < 0.2 {
		t.Errorf("only %.3f of queries are confident; the rule has become useless", cov)
	}
	if os.Getenv("SPRAVKA_CALIBRATE") != "" {
		t.Log("\n" + calibrationGrid(all))
	}
}

func judgeSet(dir, set string) ([]judged, error) {
	data, err := os.MkdirTemp("", "spravka-calibrate-*") // outlives one test: the judged queries are shared
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(data)
	eng, err := search.Open(search.Config{DataDir: data, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return nil, err
	}
	defer eng.Close()
	ctx := context.Background()
	if _, err := indexer.Build(ctx, eng, os.DirFS(filepath.Join(dir, "content")), indexer.Options{}, nil); err != nil {
		return nil, err
	}
	qf, err := os.Open(filepath.Join(dir, "queries.jsonl"))
	if err != nil {
		return nil, err
	}
	defer qf.Close()
	queries, err := eval.ReadQueries(qf)
	if err != nil {
		return nil, err
	}
	rf, err := os.Open(filepath.Join(dir, "qrels.tsv"))
	if err != nil {
		return nil, err
	}
	defer rf.Close()
	qrels, err := eval.ReadQrels(rf)
	if err != nil {
		return nil, err
	}
	var out []judged
	for i, q := range queries {
		if i%calibrationStride != 0 {
			continue
		}
		rel := qrels[q.ID]
		if len(rel) == 0 {
			continue
		}
		sg, err := eng.SuggestSignals(ctx, spravka.SuggestRequest{Text: q.Text, Lang: q.Lang, Limit: 1,
			Access: spravka.Access{Preview: true}})
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", set, q.ID, err)
		}
		out = append(out, judged{set: set, lang: q.Lang, sg: sg, right: sg.Top != "" && rel[sg.Top] > 0})
	}
	return out, nil
}

func precisionAt1(js []judged) float64 {
	right := 0
	for _, j := range js {
		if j.right {
			right++
		}
	}
	return float64(right) / float64(max(len(js), 1))
}

// precisionOf returns P@1 among the queries in answers, their share and
// their number.
func precisionOf(js []judged, in func(judged) bool) (p1, share float64, n int) {
	right := 0
	for _, j := range js {
		if in(j) {
			n++
			if j.right {
				right++
			}
		}
	}
	if n == 0 {
		return 1, 0, 0
	}
	return float64(right) / float64(n), float64(n) / float64(len(js)), n
}

func calibrationGrid(js []judged) string {
	var b strings.Builder
	b.WriteString("coverage≥ margin≥  P@1conf  share\n")
	for c := 0.0; c <= 1.0001; c += 0.1 {
		for m := 0.0; m <= 0.5001; m += 0.05 {
			p1, share, _ := precisionOf(js, func(j judged) bool {
				return j.sg.Match != spravka.MatchNone && j.sg.Coverage >= c && j.sg.Margin >= m
			})
			fmt.Fprintf(&b, "%8.2f %7.2f  %7.3f  %5.3f\n", c, m, p1, share)
		}
	}
	return b.String()
}
