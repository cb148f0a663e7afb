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
	// Kind is the suggest set's extension of the shared format (single,
	// two or offtopic, see SuggestSet); the shared sets leave it empty.
	Kind string `json:"kind,omitempty"`
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
	err := readTSV(r, "qrels", 3, func(line int, f []string) error {
		grade, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return fmt.Errorf("qrels line %d: score: %w", line, err)
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]float64{}
		}
		out[f[0]][f[1]] = grade
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readTSV calls row with the fields of every line after the header, each
// line having exactly want tab-separated fields; blank lines are skipped.
func readTSV(r io.Reader, name string, want int, row func(line int, f []string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 || strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != want {
			return fmt.Errorf("%s line %d: want %d tab-separated fields, got %d", name, line, want, len(f))
		}
		if err := row(line, f); err != nil {
			return err
		}
	}
	return sc.Err()
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
