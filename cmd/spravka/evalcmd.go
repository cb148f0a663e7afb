package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spravka/spravka/eval"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "eval --content DIR --queries FILE --qrels FILE [--json] [--misses] [--query-lang LANG] [--data DIR]", stderr)
	contentDir := fs.String("content", "", "content tree of the set (required)")
	queriesFile := fs.String("queries", "", "queries.jsonl (required)")
	qrelsFile := fs.String("qrels", "", "qrels.tsv (required)")
	dataDir := fs.String("data", "", "data dir for the index (default: a temporary dir, removed afterwards)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	queryLang := fs.String("query-lang", "", "evaluate only the queries in this language")
	misses := fs.Bool("misses", false, "also print every query whose first result is not relevant: id, rank of the first relevant (0 = not found), first result, text")
	row := fs.String("markdown-row", "", "print one Markdown table row starting with these cells (used by make eval)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *contentDir == "" || *queriesFile == "" || *qrelsFile == "" {
		fs.Usage()
		return fmt.Errorf("eval needs --content, --queries and --qrels")
	}
	queries, qrels, err := readSet(*queriesFile, *qrelsFile)
	if err != nil {
		return err
	}
	if *queryLang != "" {
		queries = eval.FilterLang(queries, *queryLang)
	}
	eng, _, closeEng, err := openEvalEngine(ctx, *contentDir, *dataDir, stderr)
	if err != nil {
		return err
	}
	defer closeEng()
	m, err := eval.Run(ctx, eng, queries, qrels)
	if err != nil {
		return err
	}
	if *misses {
		for _, o := range m.Outcomes {
			if o.Rank != 1 {
				fmt.Fprintf(stdout, "miss\t%s\t%d\t%s\t%s\n", o.ID, o.Rank, o.Top, o.Text)
			}
		}
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(m)
	}
	if *row != "" {
		fmt.Fprintf(stdout, "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.2f | %.2f |\n", *row, m.Queries, m.MRR10, m.P1, m.R5, m.NDCG10, m.P50MS, m.P99MS)
		return nil
	}
	fmt.Fprintf(stdout, "queries  %d\nMRR@10   %.4f\nP@1      %.4f\nR@5      %.4f\nR@10     %.4f\nnDCG@10  %.4f\nMAP      %.4f\np50      %.2f ms\np99      %.2f ms\n",
		m.Queries, m.MRR10, m.P1, m.R5, m.R10, m.NDCG10, m.MAP, m.P50MS, m.P99MS)
	return nil
}

func readSet(queriesFile, qrelsFile string) ([]eval.Query, eval.Qrels, error) {
	return eval.ReadFiles(queriesFile, qrelsFile)
}

// openEvalEngine indexes contentDir ("" = the default content) into
// dataDir, or into a temporary dir when dataDir is "", which closing
// removes: an evaluation leaves nothing behind.
func openEvalEngine(ctx context.Context, contentDir, dataDir string, stderr io.Writer) (*search.Engine, *indexer.Corpus, func(), error) {
	cleanup := func() {}
	if dataDir == "" {
		tmp, err := os.MkdirTemp("", "spravka-eval-")
		if err != nil {
			return nil, nil, nil, err
		}
		dataDir, cleanup = tmp, func() { os.RemoveAll(tmp) }
	}
	cfg := defaults()
	if contentDir != "" {
		cfg.Content = contentDir
	}
	cfg.Data = dataDir
	eng, corpus, err := openAndIndex(ctx, cfg, newLogger(io.Discard, "error"), progressBar(stderr))
	if err != nil {
		cleanup()
		return nil, nil, nil, err
	}
	return eng, corpus, func() { eng.Close(); cleanup() }, nil
}
