package search

import (
	"context"

	"github.com/spravka/spravka"
)

// Signals are the inputs and outputs of the confidence rule and the grade
// for one message, for the calibration tests in package search_test.
type Signals struct {
	Top                     string // the first ranked article's id, even when graded none
	Coverage, Known, Margin float64
	Weight                  float64
	Words, Slots            int
	Confident               bool
	Match                   spravka.MatchGrade
}

// SuggestSignals runs suggest and returns its signals.
func (e *Engine) SuggestSignals(ctx context.Context, r spravka.SuggestRequest) (Signals, error) {
	out, a, err := e.suggest(ctx, r)
	if err != nil {
		return Signals{}, err
	}
	s := Signals{Coverage: a.sg.coverage, Known: a.sg.known, Margin: a.sg.margin, Weight: a.sg.weight, Words: a.sg.words, Slots: a.sg.slots,
		Confident: out.Confident, Match: out.Match}
	if len(a.ranked) > 0 {
		s.Top = a.ranked[0].e.art.ID
	}
	return s, nil
}

// The thresholds of the confidence rule and the grade, for the
// calibration tests.
const (
	ConfidentCoverage = confidentCoverage
	ConfidentMargin   = confidentMargin
	NoneKnown         = noneKnown
	NoneWeight        = noneWeight
	NoneOneWord       = noneOneWord
	GoodCoverage      = goodCoverage
	GoodMargin        = goodMargin
)
