package search

// The confidence rule: the first suggestion is "clearly right" when it
// matches most of the message's weight and stands well clear of the
// runner-up. Both thresholds were calibrated on the shared evaluation sets
// (TestSuggestConfidenceCalibration, README "Agents and suggest") so that
// among confident answers P@1 ≥ 0.9; they are properties of the score
// distribution, not of any one set's queries.
const (
	// confidentCoverage is the least share of the query's idf weight the
	// first suggestion must match.
	confidentCoverage = 0.3
	// confidentMargin is the least relative lead of the first suggestion's
	// score over the second's: (s1 − s2) / s1.
	confidentMargin = 0.45
)

// confidenceSignals are what the confidence rule and the grade look at.
type confidenceSignals struct {
	coverage float64 // share of query idf the first suggestion matched
	// known is coverage counting only the words the language knows: a
	// word no article has that matched through a typo correction ("вода"
	// as "код") is weak evidence, and off-topic messages are full of them.
	known  float64
	margin float64 // (s1 − s2) / s1; 1 when there is no runner-up
	words  int     // the known words the first suggestion matched
	slots  int     // the words of the query the signals count
}

func signalsOf(ranked []scored) (confidenceSignals, bool) {
	if len(ranked) == 0 || ranked[0].m.score <= 0 {
		return confidenceSignals{}, false
	}
	top := ranked[0]
	sg := confidenceSignals{margin: 1}
	if len(ranked) > 1 {
		sg.margin = (top.m.score - ranked[1].m.score) / top.m.score
	}
	var got, gotKnown, all float64
	for i, sl := range top.s.q.slots {
		sg.slots++
		all += sl.idf
		if !top.m.matched[i] {
			continue
		}
		got += sl.idf
		if sl.known {
			gotKnown += sl.idf
			sg.words++
		}
	}
	if all > 0 {
		sg.coverage, sg.known = got/all, gotKnown/all
	}
	return sg, true
}

// confident applies the rule.
func (sg confidenceSignals) confident() bool {
	return sg.coverage >= confidentCoverage && sg.margin >= confidentMargin
}
