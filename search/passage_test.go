package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// passageEngine serves one article whose sections make passages worth
// choosing: a table, a numbered procedure, a very long sentence.
func passageEngine(t *testing.T) *Engine {
	t.Helper()
	e, err := Open(Config{DataDir: t.TempDir(), DefaultLang: "en", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	a := art("en", "billing/refund-policy", "Refund policy", "", "Intro: Refunds depend on the plan.")
	a.Sections = append(a.Sections, spravka.Section{ID: "when", Title: "When you can get a refund", Level: 2,
		Text: "Situation\tRefund\nYearly plan, no more than 14 days since payment\tfull amount\n" +
			"Monthly plan\tno refund, except in the cases below\nDouble charge\tfull amount of the wrong payment\n" +
			"The 14-day rule applies to renewals too. Write to us within 7 days.\n" +
			"When you downgrade, the difference is added to your balance."},
		spravka.Section{ID: "long", Title: "Terms", Level: 2,
			Text: "Intro sentence. " + strings.Repeat("lorem ipsum dolor ", 60) + "chargeback dispute window " + strings.Repeat("sit amet ", 40) + "end."})
	if err := e.Replace(context.Background(), &Content{Articles: []*spravka.Article{a}}, nil); err != nil {
		t.Fatal(err)
	}
	return e
}

func passageFor(e *Engine, query string, sec int, max int) (string, string) {
	snap := e.snap.Load()
	a := snap.entries["en/billing/refund-policy"].art
	aq := e.analyze(newAsker(snap, spravka.Public), query, "en")
	s := e.newScorer(aq, snap.stats["en"])
	return e.passage(s, "en", a.Sections[sec].Text, max)
}

func TestPassage(t *testing.T) {
	e := passageEngine(t)
	tests := []struct {
		name, query  string
		section, max int
		starts       string // the passage begins here (a paragraph or sentence start)
		contains     []string
		marked       string
	}{
		{"grows from the matching row to the next lines", "monthly plan refund", 1, 600,
			"Monthly plan | no refund", []string{"Double charge", "When you downgrade"}, "<mark>Monthly</mark>"},
		{"tight budget keeps the matching row", "monthly plan", 1, 60,
			"Monthly plan | no refund", nil, "<mark>plan</mark>"},
		{"sentence boundary, not mid-sentence", "write within days", 1, 70,
			"The 14-day rule", []string{"Write to us within 7 days."}, "<mark>Write</mark>"},
		{"over-long sentence is cut around the match", "chargeback dispute", 2, 200,
			"… ", []string{"chargeback dispute window"}, "<mark>chargeback</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain, marked := passageFor(e, tt.query, tt.section, tt.max)
			if n := utf8.RuneCountInString(plain); n > tt.max {
				t.Errorf("passage is %d runes, budget %d: %q", n, tt.max, plain)
			}
			if !strings.HasPrefix(plain, tt.starts) {
				t.Errorf("passage starts %q, want %q", plain, tt.starts)
			}
			for _, c := range tt.contains {
				if !strings.Contains(plain, c) {
					t.Errorf("passage lacks %q: %q", c, plain)
				}
			}
			if !strings.Contains(marked, tt.marked) {
				t.Errorf("marked passage lacks %q: %q", tt.marked, marked)
			}
		})
	}
}

func TestPassageEscapesHTML(t *testing.T) {
	e := passageEngine(t)
	snap := e.snap.Load()
	s := e.newScorer(e.analyze(newAsker(snap, spravka.Public), "refund", "en"), snap.stats["en"])
	plain, marked := e.passage(s, "en", `Never paste <script>alert("x")</script> & <b>refund</b> co.`, 600)
	if !strings.Contains(plain, "<script>") {
		t.Errorf("plain text must stay as written: %q", plain)
	}
	if strings.Contains(marked, "<script") || !strings.Contains(marked, "&lt;b&gt;<mark>refund</mark>&lt;/b&gt;") {
		t.Errorf("marked passage not escaped: %q", marked)
	}
}
