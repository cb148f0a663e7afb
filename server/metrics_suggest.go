package server

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/spravka/spravka"
)

// suggestMetrics count what the suggest API answers and what agents think
// of it, so that a dashboard shows how often suggest is sure and right:
// the confident share is confident / requests.
type suggestMetrics struct {
	requests  prometheus.Counter
	match     *prometheus.CounterVec
	confident prometheus.Counter
	feedback  *prometheus.CounterVec
}

// matchUngraded labels answers of an engine that gives no match grade.
const matchUngraded = "ungraded"

func newSuggestMetrics() *suggestMetrics {
	m := &suggestMetrics{
		requests: prometheus.NewCounter(prometheus.CounterOpts{Name: "spravka_suggest_requests_total",
			Help: "Suggest answers given (refused calls are not counted)."}),
		match: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "spravka_suggest_match_total",
			Help: "Suggest answers by match grade of the first suggestion: good, weak, none (nothing answers), or ungraded."},
			[]string{"grade"}),
		confident: prometheus.NewCounter(prometheus.CounterOpts{Name: "spravka_suggest_confident_total",
			Help: "Suggest answers whose first suggestion was confident; divide by spravka_suggest_requests_total for the confident share."}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "spravka_suggest_feedback_total",
			Help: "Agents' verdicts on suggested articles: useful yes (helped) or no."}, []string{"useful"}),
	}
	// Zeros from the start, so that rate() and ratios have every series.
	for _, g := range []string{string(spravka.MatchGood), string(spravka.MatchWeak), string(spravka.MatchNone), matchUngraded} {
		m.match.WithLabelValues(g)
	}
	m.feedback.WithLabelValues("yes")
	m.feedback.WithLabelValues("no")
	return m
}

func (m *suggestMetrics) collectors() []prometheus.Collector {
	return []prometheus.Collector{m.requests, m.match, m.confident, m.feedback}
}

// answered counts one suggest answer.
func (m *suggestMetrics) answered(grade spravka.MatchGrade, confident bool) {
	m.requests.Inc()
	switch grade {
	case spravka.MatchGood, spravka.MatchWeak, spravka.MatchNone:
		m.match.WithLabelValues(string(grade)).Inc()
	default:
		// Unknown grades share one label, so an engine cannot grow the series.
		m.match.WithLabelValues(matchUngraded).Inc()
	}
	if confident {
		m.confident.Inc()
	}
}

// judged counts one agent's verdict on a suggested article.
func (m *suggestMetrics) judged(useful bool) {
	label := "no"
	if useful {
		label = "yes"
	}
	m.feedback.WithLabelValues(label).Inc()
}
