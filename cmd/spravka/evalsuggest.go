package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/eval"
)

func runEvalSuggest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval-suggest", "eval-suggest [--set DIR] [--content DIR] [--tiers l1,l2,l3] [--detect-lang] [--json] [--misses] [--data DIR]", stderr)
	setDir := fs.String("set", "eval/testdata/suggest", "the suggest set: queries.jsonl, qrels.tsv, answers.tsv")
	contentDir := fs.String("content", "", "content folder (default ./content, else the embedded sample)")
	dataDir := fs.String("data", "", "data dir for the index (default: a temporary dir, removed afterwards)")
	// Tiers are not ordered: an l3 agent does not see [l2] articles.
	tiers := fs.String("tiers", "l1,l2,l3", "tiers of the agent asking, comma-separated (as in token new --tiers)")
	detect := fs.Bool("detect-lang", false, "send no language: suggest reads it from the message")
	asJSON := fs.Bool("json", false, "print one JSON object")
	misses := fs.Bool("misses", false, "also print every message not right at 1: id, kind, answering articles, suggested articles, match, confident (in the JSON with --json)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	set, err := eval.ReadSuggestSet(os.DirFS(*setDir))
	if err != nil {
		return fmt.Errorf("%s: %w", *setDir, err)
	}
	eng, corpus, closeEng, err := openEvalEngine(ctx, *contentDir, *dataDir, stderr)
	if err != nil {
		return err
	}
	defer closeEng()
	if err := set.Check(corpus.Articles); err != nil {
		return fmt.Errorf("%s does not fit the content: %w", *setDir, err)
	}
	who := spravka.Access{Agent: "eval-suggest"}
	for t := range strings.SplitSeq(*tiers, ",") {
		if t = strings.TrimSpace(t); t != "" {
			who.Tiers = append(who.Tiers, t)
		}
	}
	rep, err := eval.RunSuggest(ctx, eng, set, eval.SuggestOptions{Access: who, DetectLang: *detect})
	if err != nil {
		return err
	}
	if !*misses {
		rep.Misses = nil
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(rep)
	}
	for _, m := range rep.Misses {
		fmt.Fprintf(stdout, "miss\t%s\t%s\t%s\t%s\t%s\t%v\n", m.ID, m.Kind, strings.Join(m.Want, ","), strings.Join(m.Got, ","), m.Match, m.Confident)
	}
	printSuggestReport(stdout, rep)
	return nil
}

// printSuggestReport prints the report as a Markdown table (the README's),
// languages first, then kinds, then all; "—" where nothing was measured.
func printSuggestReport(w io.Writer, rep *eval.SuggestReport) {
	fmt.Fprintln(w, "| messages | n | right@1 | right@3 | section@1 | confident precision | coverage | off-topic none | on-topic none | p50 ms | p99 ms |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	row := func(name string, m eval.SuggestMetrics) {
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %.2f | %.2f |\n", name, m.Messages,
			ratio(m.Right1, m.OnTopic), ratio(m.Right3, m.OnTopic), ratio(m.SectionRight1, m.Sections),
			ratio(m.ConfidentPrecision, m.Confident), ratio(m.Coverage, m.OnTopic),
			ratio(m.OffTopicNone, m.OffTopic), ratio(m.OnTopicNone, m.OnTopic), m.P50MS, m.P99MS)
	}
	for _, l := range spravka.Languages {
		if m, ok := rep.Langs[l]; ok {
			row(l, m)
		}
	}
	for _, k := range []string{eval.KindSingle, eval.KindTwo, eval.KindOffTopic} {
		if m, ok := rep.Kinds[k]; ok {
			row(k, m)
		}
	}
	row("**all**", rep.All)
}

// ratio prints a share to three places, or "—" when its denominator of is 0.
func ratio(v float64, of int) string {
	if of == 0 {
		return "—"
	}
	return fmt.Sprintf("%.3f", v)
}
