// Package eval measures retrieval quality on judged query sets in the format
// of the shared evaluation sets: queries.jsonl, qrels.tsv and a content tree.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spravka/spravka"
)

// Query is one judged query.
type Query struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Lang string `json:"lang"`
}

// Qrels maps query id → article id → relevance grade (> 0 is relevant).
type Qrels map[string]map[string]float64

// ReadQueries reads one JSON object per line; blank lines are skipped.
func ReadQueries(r io.Reader) ([]Query, error) {
	var out []Query
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			continue
		}
		var q Query
		if err := json.Unmarshal([]byte(s), &q); err != nil {
			return nil, fmt.Errorf("queries line %d: %w", line, err)
		}
		if q.ID == "" {
			return nil, fmt.Errorf("queries line %d: missing id", line)
		}
		if q.Lang != "" && !spravka.IsLanguage(q.Lang) {
			return nil, fmt.Errorf("queries line %d: unknown lang %q", line, q.Lang)
		}
		out = append(out, q)
	}
	return out, sc.Err()
}

// ReadQrels reads the TSV judgements; the first line is a header.
func ReadQrels(r io.Reader) (Qrels, error) {
	out := Qrels{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 || strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("qrels line %d: want 3 tab-separated fields, got %d", line, len(f))
		}
		grade, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("qrels line %d: score: %w", line, err)
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]float64{}
		}
		out[f[0]][f[1]] = grade
	}
	return out, sc.Err()
}

// FilterLang keeps the queries in lang.
func FilterLang(qs []Query, lang string) []Query {
	var out []Query
	for _, q := range qs {
		if q.Lang == lang {
			out = append(out, q)
		}
	}
	return out
}

// ReadFiles reads a set's queries.jsonl and qrels.tsv.
func ReadFiles(queriesFile, qrelsFile string) ([]Query, Qrels, error) {
	qf, err := os.Open(queriesFile)
	if err != nil {
		return nil, nil, err
	}
	defer qf.Close()
	queries, err := ReadQueries(qf)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", queriesFile, err)
	}
	rf, err := os.Open(qrelsFile)
	if err != nil {
		return nil, nil, err
	}
	defer rf.Close()
	qrels, err := ReadQrels(rf)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", qrelsFile, err)
	}
	return queries, qrels, nil
}
