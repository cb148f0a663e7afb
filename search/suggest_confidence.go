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

// confidenceSignals are what the rule looks at.
type confidenceSignals struct {
	coverage float64 // share of query idf the first suggestion matched
	margin   float64 // (s1 − s2) / s1; 1 when there is no runner-up
}

func signalsOf(ranked []scored) (confidenceSignals, bool) {
	if len(ranked) == 0 || ranked[0].m.score <= 0 {
		return confidenceSignals{}, false
	}
	top := ranked[0]
	var got, all float64
	for i, sl := range top.s.q.slots {
		all += sl.idf
		if top.m.matched[i] {
			got += sl.idf
		}
	}
	sg := confidenceSignals{margin: 1}
	if all > 0 {
		sg.coverage = got / all
	}
	if len(ranked) > 1 {
		sg.margin = (top.m.score - ranked[1].m.score) / top.m.score
	}
	return sg, true
}

// confident applies the rule to a ranking.
func confident(ranked []scored) bool {
	sg, ok := signalsOf(ranked)
	return ok && sg.coverage >= confidentCoverage && sg.margin >= confidentMargin
}
