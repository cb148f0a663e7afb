package search_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/eval"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/internal/evaltest"
	"github.com/spravka/spravka/search"
)

// judged is one evaluation query's confidence signals and whether the
// first suggestion was relevant.
type judged struct {
	set      string
	coverage float64
	margin   float64
	right    bool
}

// TestSuggestConfidenceCalibration checks the promise of the confident
// flag on the shared evaluation sets: among queries answered confidently,
// the first suggestion is relevant at least 90% of the time. It logs the
// coverage (share of confident queries) that README "Agents and suggest"
// reports. With SPRAVKA_CALIBRATE=1 it prints the precision and coverage
// of a grid of thresholds, the table the shipped ones were chosen from.
func TestSuggestConfidenceCalibration(t *testing.T) {
	root := evaltest.SharedSets(t)
	var all []judged
	for _, set := range []string{"stackfaq", "xquad-en", "xquad-ru", "tldr-common"} {
		all = append(all, judgeSet(t, filepath.Join(root, set), set)...)
	}
	if len(all) == 0 {
		t.Fatal("no judged queries")
	}
	bySet := map[string][]judged{"all": all}
	for _, j := range all {
		bySet[j.set] = append(bySet[j.set], j)
	}
	for _, name := range []string{"stackfaq", "xquad-en", "xquad-ru", "tldr-common", "all"} {
		js := bySet[name]
		p1, cov, n := confidentPrecision(js, search.ConfidentCoverage, search.ConfidentMargin)
		t.Logf("%-12s %5d queries  P@1 %.3f  confident %4d (coverage %.3f)  P@1 among confident %.3f",
			name, len(js), precisionAt1(js), n, cov, p1)
	}
	p1, cov, _ := confidentPrecision(all, search.ConfidentCoverage, search.ConfidentMargin)
	if p1 < 0.9 {
		t.Errorf("P@1 among confident answers is %.3f, the promise is ≥ 0.9", p1)
	}
	// Each set keeps the promise too, where it has enough confident
	// queries for the figure to mean something.
	for name, js := range bySet {
		if p1, _, n := confidentPrecision(js, search.ConfidentCoverage, search.ConfidentMargin); n >= 30 && p1 < 0.9 {
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

func judgeSet(t *testing.T, dir, set string) []judged {
	t.Helper()
	eng, err := search.Open(search.Config{DataDir: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	ctx := context.Background()
	if _, err := indexer.Build(ctx, eng, os.DirFS(filepath.Join(dir, "content")), indexer.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	qf, err := os.Open(filepath.Join(dir, "queries.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer qf.Close()
	queries, err := eval.ReadQueries(qf)
	if err != nil {
		t.Fatal(err)
	}
	rf, err := os.Open(filepath.Join(dir, "qrels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	qrels, err := eval.ReadQrels(rf)
	if err != nil {
		t.Fatal(err)
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
		top, cov, margin, err := eng.SuggestSignals(ctx, spravka.SuggestRequest{Text: q.Text, Lang: q.Lang, Limit: 1,
			Access: spravka.Access{Preview: true}})
		if err != nil {
			t.Fatalf("%s %s: %v", set, q.ID, err)
		}
		out = append(out, judged{set: set, coverage: cov, margin: margin, right: top != "" && rel[top] > 0})
	}
	return out
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

// confidentPrecision returns P@1 among the queries the rule calls
// confident, their share and their number.
func confidentPrecision(js []judged, minCoverage, minMargin float64) (p1, coverage float64, n int) {
	right := 0
	for _, j := range js {
		if j.coverage >= minCoverage && j.margin >= minMargin {
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
			p1, share, _ := confidentPrecision(js, c, m)
			fmt.Fprintf(&b, "%8.2f %7.2f  %7.3f  %5.3f\n", c, m, p1, share)
		}
	}
	return b.String()
}
