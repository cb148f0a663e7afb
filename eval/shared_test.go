package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spravka/spravka/eval"
	"github.com/spravka/spravka/internal/evaltest"
	"github.com/spravka/spravka/search"
)

// floors guard search quality against regressions: each is a little under
// what `make eval` measured when it was set (see README "Search quality").
// Raise them when quality improves; never lower one to make a change pass.
var floors = []struct {
	set, lang string
	mrr10     float64
}{
	{"stackfaq", "en", 0.84},
	{"xquad-en", "en", 0.965},
	{"xquad-ru", "ru", 0.95},
	{"tldr-common", "en", 0.525},
	{"tldr-common", "ru", 0.685},
	{"tldr-common", "uk", 0.81},
}

// TestSharedSets runs the evaluation sets of ../shared/eval. It is skipped
// under -short and when the sets are not beside the repository; `make test`
// runs it.
func TestSharedSets(t *testing.T) {
	root := evaltest.SharedSets(t)
	engines := map[string]*search.Engine{}
	for _, f := range floors {
		eng, ok := engines[f.set]
		if !ok {
			eng = evaltest.Engine(t, os.DirFS(filepath.Join(root, f.set, "content")))
			engines[f.set] = eng
		}
		queries, qrels, err := eval.ReadFiles(filepath.Join(root, f.set, "queries.jsonl"), filepath.Join(root, f.set, "qrels.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		m, err := eval.Run(context.Background(), eng, eval.FilterLang(queries, f.lang), qrels)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s/%s: %d queries, MRR@10 %.4f, P@1 %.4f", f.set, f.lang, m.Queries, m.MRR10, m.P1)
		if m.MRR10 < f.mrr10 {
			t.Errorf("%s/%s: MRR@10 %.4f fell below the floor %.2f", f.set, f.lang, m.MRR10, f.mrr10)
		}
	}
}
