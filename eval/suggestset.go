package eval

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"

	"github.com/spravka/spravka"
)

// Kinds of message in a suggest set (the "kind" key of queries.jsonl).
const (
	KindSingle   = "single"   // one question
	KindTwo      = "two"      // two questions in one message
	KindOffTopic = "offtopic" // nothing in the help center answers it
)

// Answer is one article that answers one question of a message.
type Answer struct {
	Part    int    // 1, or 1 and 2 in a two-question message, in the order the customer asks
	Article string // article id (all language versions share it)
	Section string // the section that answers, in the message's language; "" when the article as a whole does
}

// SuggestSet is a suggest evaluation set: customer messages with the
// articles and sections that answer them (eval/testdata/suggest/README.md).
type SuggestSet struct {
	Messages []Query
	Answers  map[string][]Answer // message id → its answers
}

// ReadSuggestSet reads queries.jsonl, qrels.tsv and answers.tsv from fsys
// and checks that they agree with each other; Check then holds the set
// against a content tree.
func ReadSuggestSet(fsys fs.FS) (*SuggestSet, error) {
	msgs, err := readFS(fsys, "queries.jsonl", ReadQueries)
	if err != nil {
		return nil, err
	}
	qrels, err := readFS(fsys, "qrels.tsv", ReadQrels)
	if err != nil {
		return nil, err
	}
	answers, err := readFS(fsys, "answers.tsv", readAnswers)
	if err != nil {
		return nil, err
	}
	set := &SuggestSet{Messages: msgs, Answers: answers}
	return set, set.agree(qrels)
}

// readFS opens name in fsys and parses it with read.
func readFS[T any](fsys fs.FS, name string, read func(io.Reader) (T, error)) (T, error) {
	f, err := fsys.Open(name)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return v, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// readAnswers reads answers.tsv: query-id, part, article-id, section-id
// ("-" for none), after a header line.
func readAnswers(r io.Reader) (map[string][]Answer, error) {
	out := map[string][]Answer{}
	err := readTSV(r, "answers", 4, func(line int, f []string) error {
		part, err := strconv.Atoi(f[1])
		if err != nil || part < 1 || part > 2 {
			return fmt.Errorf("answers line %d: part %q is not 1 or 2", line, f[1])
		}
		a := Answer{Part: part, Article: f[2], Section: f[3]}
		if a.Section == "-" {
			a.Section = ""
		}
		out[f[0]] = append(out[f[0]], a)
		return nil
	})
	return out, err
}

// agree reports every message whose kind, language, judgements and
// answers do not fit together.
func (s *SuggestSet) agree(qrels Qrels) error {
	var errs []error
	bad := func(id, format string, args ...any) {
		errs = append(errs, fmt.Errorf("message %s: "+format, append([]any{id}, args...)...))
	}
	seen := map[string]bool{}
	for _, m := range s.Messages {
		if seen[m.ID] {
			bad(m.ID, "id repeats")
		}
		seen[m.ID] = true
		if m.Lang == "" {
			bad(m.ID, "no lang")
		}
		var judged []string
		for art, g := range qrels[m.ID] {
			if g > 0 {
				judged = append(judged, art)
			}
		}
		answered := map[int]bool{}
		var articles []string
		for _, a := range s.Answers[m.ID] {
			answered[a.Part] = true
			if !slices.Contains(articles, a.Article) {
				articles = append(articles, a.Article)
			}
		}
		slices.Sort(judged)
		slices.Sort(articles)
		if !slices.Equal(judged, articles) {
			bad(m.ID, "qrels.tsv judges %v relevant, answers.tsv names %v", judged, articles)
		}
		switch m.Kind {
		case KindOffTopic:
			if len(articles) > 0 {
				bad(m.ID, "off-topic, yet answered by %v", articles)
			}
		case KindSingle:
			if !answered[1] || answered[2] {
				bad(m.ID, "one question wants answers for part 1 only")
			}
		case KindTwo:
			if !answered[1] || !answered[2] {
				bad(m.ID, "two questions want answers for parts 1 and 2")
			}
		default:
			bad(m.ID, "kind %q is not %s, %s or %s", m.Kind, KindSingle, KindTwo, KindOffTopic)
		}
	}
	for id := range s.Answers {
		if !seen[id] {
			bad(id, "answered but not in queries.jsonl")
		}
	}
	for id := range qrels {
		if !seen[id] {
			bad(id, "judged but not in queries.jsonl")
		}
	}
	return errors.Join(errs...)
}

// Check reports every answer that names an article missing from arts, or a
// section its article's version in the message's language does not have.
func (s *SuggestSet) Check(arts []*spravka.Article) error {
	ids := map[string]bool{}
	sections := map[[2]string][]string{} // (id, lang) → section ids
	for _, a := range arts {
		ids[a.ID] = true
		k := [2]string{a.ID, a.Lang}
		for _, sec := range a.Sections {
			sections[k] = append(sections[k], sec.ID)
		}
	}
	var errs []error
	for _, m := range s.Messages {
		for _, a := range s.Answers[m.ID] {
			switch {
			case !ids[a.Article]:
				errs = append(errs, fmt.Errorf("message %s: no article %s", m.ID, a.Article))
			case a.Section != "" && !slices.Contains(sections[[2]string{a.Article, m.Lang}], a.Section):
				errs = append(errs, fmt.Errorf("message %s: article %s has no %s section %q", m.ID, a.Article, m.Lang, a.Section))
			}
		}
	}
	return errors.Join(errs...)
}
