package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spravka/spravka/eval"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// trainPerPage is how many candidates per query training sees: what Search
// re-ranks for a first page (Ranking.Candidates).
const trainPerPage = 10

func runTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train", "train [--sets DIR] [--out FILE] [--cv]", stderr)
	setsDir := fs.String("sets", "../shared/eval", "folder of judged sets (queries.jsonl, qrels.tsv, content/)")
	out := fs.String("out", "", "write the learned model here (e.g. search/ranker.json)")
	cv := fs.Bool("cv", false, "print the leave-one-group-out table instead of training one model")
	sample := fs.String("sample", "content", "a help center whose articles' questions become training queries (empty: none)")
	learner := fs.String("learner", "ca", "ca (coordinate ascent on MRR@10, chosen by make eval-cv) or softmax (listwise loss with L2)")
	l2 := fs.Float64("l2", 1e-3, "L2 penalty of the softmax learner")
	cache := fs.String("cache", "", "keep the collected features in this file and reuse them (experiments only: stale once features change)")
	perGroup := fs.Bool("per-group", false, "train on each group alone and print its weights (experiments)")
	only := fs.String("features", "", "comma-separated features to learn (default: all), for experiments")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !*cv && !*perGroup && *out == "" {
		fs.Usage()
		return fmt.Errorf("train needs --out FILE or --cv")
	}
	groups, extra, err := loadGroups(ctx, *setsDir, *sample, *cache, stderr)
	if err != nil {
		return err
	}
	nf := len(search.FeatureNames())
	var learn func([]eval.Group) []float64
	switch *learner {
	case "softmax":
		learn = func(g []eval.Group) []float64 { return eval.LearnSoftmax(g, nf, *l2, 1000) }
	case "ca":
		learn = func(g []eval.Group) []float64 { return eval.Learn(g, nf) }
	default:
		return fmt.Errorf("unknown learner %q", *learner)
	}
	if *only != "" {
		if err := maskFeatures(append(groups, extra...), *only); err != nil {
			return err
		}
	}
	if *perGroup {
		names := search.FeatureNames()
		for _, g := range append(groups, extra...) {
			w := learn([]eval.Group{g})
			fmt.Fprintf(stdout, "%s alone: recall %.3f MRR@10 %.4f:", g.Name, g.Recall(), g.Score(w).MRR10)
			for i, x := range w {
				if x > 0.005 {
					fmt.Fprintf(stdout, " %s=%.3f", names[i], x)
				}
			}
			fmt.Fprintln(stdout)
		}
		return nil
	}
	if *cv {
		return printCV(stdout, groups, extra, learn)
	}
	all := append(append([]eval.Group(nil), groups...), extra...)
	w := learn(all)
	names := make([]string, len(all))
	for i, g := range all {
		names[i] = g.Name
	}
	m, err := search.NewModel(w, "make train: coordinate ascent on the mean MRR@10 of "+strings.Join(names, ", "))
	if err != nil {
		return err
	}
	data, err := m.MarshalIndent()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return err
	}
	for i, g := range all {
		s := g.Score(w)
		fmt.Fprintf(stdout, "%-20s in-sample MRR@10 %.4f nDCG@10 %.4f\n", names[i], s.MRR10, s.NDCG10)
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

// collectGroups indexes every set under dir and collects one group per set
// and query language.
func collectGroups(ctx context.Context, dir string, stderr io.Writer) ([]eval.Group, error) {
	sets, err := filepath.Glob(filepath.Join(dir, "*", "queries.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("no judged sets under %s", dir)
	}
	sort.Strings(sets)
	var groups []eval.Group
	for _, qfile := range sets {
		set := filepath.Dir(qfile)
		name := filepath.Base(set)
		queries, qrels, err := readSet(qfile, filepath.Join(set, "qrels.tsv"))
		if err != nil {
			return nil, err
		}
		tmp, err := os.MkdirTemp("", "spravka-train-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		cfg := defaults()
		cfg.Content, cfg.Data = filepath.Join(set, "content"), tmp
		fmt.Fprintf(stderr, "indexing %s\n", name)
		eng, _, err := openAndIndex(ctx, cfg, newLogger(io.Discard, "error"), nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, lang := range queryLangs(queries) {
			ranked, err := eval.Collect(ctx, eng, eval.FilterLang(queries, lang), qrels, trainPerPage)
			if err != nil {
				eng.Close()
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			groups = append(groups, eval.Group{Name: name + "/" + lang, Queries: ranked})
		}
		eng.Close()
	}
	return groups, nil
}

func queryLangs(queries []eval.Query) []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range queries {
		if !seen[q.Lang] {
			seen[q.Lang] = true
			out = append(out, q.Lang)
		}
	}
	sort.Strings(out)
	return out
}

// printCV prints the leave-one-group-out table of `make eval-cv`.
func printCV(w io.Writer, groups, extra []eval.Group, learn func([]eval.Group) []float64) error {
	left, _ := eval.CrossValidate(groups, extra, learn)
	all := learn(append(append([]eval.Group(nil), groups...), extra...))
	fmt.Fprintln(w, "| group | queries | left-out MRR@10 | left-out nDCG@10 | in-sample MRR@10 |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	var mean, meanIn float64
	for i, g := range groups {
		in := g.Score(all)
		mean += left[i].MRR10
		meanIn += in.MRR10
		fmt.Fprintf(w, "| %s | %d | %.4f | %.4f | %.4f |\n", g.Name, len(g.Queries), left[i].MRR10, left[i].NDCG10, in.MRR10)
	}
	n := float64(len(groups))
	fmt.Fprintf(w, "| mean | | %.4f | | %.4f |\n", mean/n, meanIn/n)
	for _, g := range extra {
		fmt.Fprintf(w, "| %s (always trained on) | %d | | | %.4f |\n", g.Name, len(g.Queries), g.Score(all).MRR10)
	}
	fmt.Fprintln(w)
	names := search.FeatureNames()
	fmt.Fprintf(w, "weights learned on all groups:")
	for i, x := range all {
		if x > 0 {
			fmt.Fprintf(w, " %s=%.3f", names[i], x)
		}
	}
	fmt.Fprintln(w)
	return nil
}

// maskFeatures zeroes every feature not named in list, so that training
// can only use the named ones.
func maskFeatures(groups []eval.Group, list string) error {
	keep := map[int]bool{}
	names := search.FeatureNames()
	for _, n := range strings.Split(list, ",") {
		i := slices.Index(names, strings.TrimSpace(n))
		if i < 0 {
			return fmt.Errorf("unknown feature %q (have %s)", n, strings.Join(names, ", "))
		}
		keep[i] = true
	}
	for _, g := range groups {
		g.Mask(keep)
	}
	return nil
}

// sampleGroup names the group of the sample help center's questions.
const sampleGroup = "sample-questions"

// questionsGroup turns a help center's own questions into training
// queries: each question listed in an article's front matter is a query
// whose answer is that article. The questions are taken out of the
// articles before indexing, or every query would find itself verbatim;
// what is left is the commonest help-center shape, a customer's question
// against titles, headings and text written by someone else.
func questionsGroup(ctx context.Context, dir string, stderr io.Writer) (eval.Group, error) {
	c, err := indexer.Load(ctx, os.DirFS(dir), indexer.Options{DefaultLang: "en"})
	if err != nil {
		return eval.Group{}, fmt.Errorf("%s: %w", dir, err)
	}
	var queries []eval.Query
	qrels := eval.Qrels{}
	for _, a := range c.Articles {
		for i, text := range a.Questions {
			id := fmt.Sprintf("%s/%s#%d", a.Lang, a.ID, i)
			queries = append(queries, eval.Query{ID: id, Text: text, Lang: a.Lang})
			qrels[id] = map[string]float64{a.ID: 1}
		}
		a.Questions = nil
	}
	tmp, err := os.MkdirTemp("", "spravka-train-")
	if err != nil {
		return eval.Group{}, err
	}
	defer os.RemoveAll(tmp)
	fmt.Fprintf(stderr, "indexing %s without its questions\n", dir)
	eng, err := search.Open(search.Config{DataDir: tmp, Logger: newLogger(io.Discard, "error")})
	if err != nil {
		return eval.Group{}, err
	}
	defer eng.Close()
	if err := eng.Replace(ctx, &search.Content{Articles: c.Articles, Categories: c.Categories, Synonyms: c.Synonyms}, nil); err != nil {
		return eval.Group{}, err
	}
	ranked, err := eval.Collect(ctx, eng, queries, qrels, trainPerPage)
	if err != nil {
		return eval.Group{}, err
	}
	return eval.Group{Name: sampleGroup, Queries: ranked}, nil
}

// loadGroups collects the judged groups and the sample's questions group,
// or reads them from cache when it exists (and writes it when it does not).
func loadGroups(ctx context.Context, setsDir, sample, cache string, stderr io.Writer) (groups, extra []eval.Group, err error) {
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			all, err := eval.DecodeGroups(f)
			if err != nil {
				return nil, nil, err
			}
			for _, g := range all {
				if g.Name == sampleGroup {
					extra = append(extra, g)
				} else {
					groups = append(groups, g)
				}
			}
			return groups, extra, nil
		}
	}
	if groups, err = collectGroups(ctx, setsDir, stderr); err != nil {
		return nil, nil, err
	}
	if sample != "" {
		g, err := questionsGroup(ctx, sample, stderr)
		if err != nil {
			return nil, nil, err
		}
		extra = append(extra, g)
	}
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		if err := eval.EncodeGroups(f, append(append([]eval.Group(nil), groups...), extra...)); err != nil {
			return nil, nil, err
		}
	}
	return groups, extra, nil
}
