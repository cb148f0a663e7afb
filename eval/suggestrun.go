package eval

import (
	"context"
	"fmt"
	"time"

	"github.com/spravka/spravka"
)

// SuggestOptions say how RunSuggest asks.
type SuggestOptions struct {
	Access     spravka.Access // the agent asking; give it every tier the set's answers need
	DetectLang bool           // send no language, so the engine reads it from the text
}

// SuggestMetrics are the figures of a group of messages. Shares whose
// denominator is 0 are 0; the counts beside them tell.
type SuggestMetrics struct {
	Messages int `json:"messages"`
	OnTopic  int `json:"on_topic"`  // messages the set answers
	OffTopic int `json:"off_topic"` // messages it does not
	// Right1 and Right3: share of on-topic messages with an answer first,
	// among the first three (judge says how two questions count).
	Right1 float64 `json:"right1"`
	Right3 float64 `json:"right3"`
	// SectionRight1: share of the Sections questions with an expected
	// section whose first suggestion is that section.
	Sections      int     `json:"sections"`
	SectionRight1 float64 `json:"section_right1"`
	// Confident counts confident answers, off-topic ones included;
	// ConfidentPrecision is the share of them whose first suggestion is
	// right, Coverage the share of on-topic messages answered confidently.
	Confident          int     `json:"confident"`
	ConfidentPrecision float64 `json:"confident_precision"`
	Coverage           float64 `json:"coverage"`
	// OffTopicNone: share of off-topic messages graded none (or given no
	// suggestions); OnTopicNone: the same share of on-topic messages,
	// which should be 0.
	OffTopicNone float64 `json:"off_topic_none"`
	OnTopicNone  float64 `json:"on_topic_none"`
	P50MS        float64 `json:"p50_ms"`
	P99MS        float64 `json:"p99_ms"`
}

// SuggestReport is the outcome of a suggest set: overall, per language of
// the messages and per kind.
type SuggestReport struct {
	All    SuggestMetrics            `json:"all"`
	Langs  map[string]SuggestMetrics `json:"langs"`
	Kinds  map[string]SuggestMetrics `json:"kinds"`
	Misses []SuggestMiss             `json:"misses,omitempty"`
}

// SuggestMiss is a message the engine did not get right at 1: an on-topic
// message without an answer first, or an off-topic one not graded none.
type SuggestMiss struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Want      []string `json:"want"` // answering article ids
	Got       []string `json:"got"`  // the suggested article ids, in order
	Match     string   `json:"match"`
	Confident bool     `json:"confident"`
}

// RunSuggest asks s about every message of set, in the message's language
// unless opts.DetectLang, and tallies the verdicts.
func RunSuggest(ctx context.Context, s spravka.Suggester, set *SuggestSet, opts SuggestOptions) (*SuggestReport, error) {
	all := &tally{}
	langs, kinds := map[string]*tally{}, map[string]*tally{}
	rep := &SuggestReport{Langs: map[string]SuggestMetrics{}, Kinds: map[string]SuggestMetrics{}}
	for _, m := range set.Messages {
		req := spravka.SuggestRequest{Text: m.Text, Lang: m.Lang, Access: opts.Access}
		if opts.DetectLang {
			req.Lang = ""
		}
		start := time.Now()
		got, err := s.Suggest(ctx, req)
		took := time.Since(start)
		if err != nil {
			return nil, fmt.Errorf("message %s: %w", m.ID, err)
		}
		answers := set.Answers[m.ID]
		v := judge(m.Kind, answers, got)
		for _, t := range []*tally{all, group(langs, m.Lang), group(kinds, m.Kind)} {
			t.add(v, len(answers) > 0, took)
		}
		if (len(answers) > 0 && v.right1 < 1) || (len(answers) == 0 && !v.none) {
			rep.Misses = append(rep.Misses, miss(m, answers, got))
		}
	}
	rep.All = all.metrics()
	for k, t := range langs {
		rep.Langs[k] = t.metrics()
	}
	for k, t := range kinds {
		rep.Kinds[k] = t.metrics()
	}
	return rep, nil
}

func group(groups map[string]*tally, key string) *tally {
	if groups[key] == nil {
		groups[key] = &tally{}
	}
	return groups[key]
}

func miss(m Query, answers []Answer, got *spravka.Suggestions) SuggestMiss {
	out := SuggestMiss{ID: m.ID, Kind: m.Kind, Want: []string{}, Got: []string{}, Match: string(got.Match), Confident: got.Confident}
	for _, a := range answers {
		out.Want = append(out.Want, a.Article)
	}
	for _, s := range got.Suggestions {
		out.Got = append(out.Got, s.Article.ID)
	}
	return out
}

// tally sums the verdicts of a group.
type tally struct {
	m                                                           SuggestMetrics
	right1, right3                                              float64
	sectionsRight, confidentRight, onConfident, offNone, onNone int
	took                                                        []time.Duration
}

func (t *tally) add(v verdict, onTopic bool, took time.Duration) {
	t.m.Messages++
	t.took = append(t.took, took)
	if v.confident {
		t.m.Confident++
		if v.confidentRight {
			t.confidentRight++
		}
	}
	if !onTopic {
		t.m.OffTopic++
		t.offNone += int(b2f(v.none))
		return
	}
	t.m.OnTopic++
	t.onNone += int(b2f(v.none))
	t.onConfident += int(b2f(v.confident))
	t.right1 += v.right1
	t.right3 += v.right3
	t.m.Sections += v.sections
	t.sectionsRight += v.sectionsRight
}

func (t *tally) metrics() SuggestMetrics {
	m := t.m
	m.Right1 = share(t.right1, m.OnTopic)
	m.Right3 = share(t.right3, m.OnTopic)
	m.SectionRight1 = share(float64(t.sectionsRight), m.Sections)
	m.ConfidentPrecision = share(float64(t.confidentRight), m.Confident)
	m.Coverage = share(float64(t.onConfident), m.OnTopic)
	m.OffTopicNone = share(float64(t.offNone), m.OffTopic)
	m.OnTopicNone = share(float64(t.onNone), m.OnTopic)
	m.P50MS = percentile(t.took, 50)
	m.P99MS = percentile(t.took, 99)
	return m
}

func share(n float64, of int) float64 {
	if of == 0 {
		return 0
	}
	return n / float64(of)
}
