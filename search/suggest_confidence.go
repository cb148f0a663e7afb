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
	// weight is the idf of the known words matched in units of the idf of
	// a word one article has: about how many rare words matched, whatever
	// the message's length.
	weight float64
}

func signalsOf(ranked []scored) (confidenceSignals, bool) { return signalsIn(ranked, nil) }

// signalsIn is signalsOf with the message's words weighed as in own, the
// message analysed in the customer's language, when the first suggestion
// is in another language (see answer): an article in another language
// covers the words of the message it matches, weighed as the customer's
// language weighs them, so that it is judged on the customer's message
// rather than on the few words the two languages share.
func signalsIn(ranked []scored, own *analyzedQuery) (confidenceSignals, bool) {
	if len(ranked) == 0 || ranked[0].m.score <= 0 {
		return confidenceSignals{}, false
	}
	top := ranked[0]
	sg := confidenceSignals{margin: 1}
	if len(ranked) > 1 {
		sg.margin = (top.m.score - ranked[1].m.score) / top.m.score
	}
	slots, matched, st := top.s.q.slots, top.m.matched, top.s.st
	var matchedKnown []bool
	if own != nil && own.lang != top.s.q.lang {
		slots, matched, matchedKnown = translateMatches(top, own)
		st = own.who.snap.stats[own.lang]
	}
	var got, gotKnown, all float64
	for i, sl := range slots {
		sg.slots++
		all += sl.idf
		if !matched[i] {
			continue
		}
		got += sl.idf
		if matchedKnown == nil && sl.known || matchedKnown != nil && matchedKnown[i] {
			gotKnown += sl.idf
			sg.words++
		}
	}
	if all > 0 {
		sg.coverage, sg.known = got/all, gotKnown/all
	}
	sg.weight = gotKnown / idf(st, 1)
	return sg, true
}

// translateMatches maps what the first suggestion matched of the message
// as its language analysed it onto own's slots, word by word: which of
// own's slots it matched, and which of those it matched as a word its
// language knows.
func translateMatches(top scored, own *analyzedQuery) (slots []slot, matched, known []bool) {
	hit := map[string]bool{}
	for i, sl := range top.s.q.slots {
		if top.m.matched[i] {
			hit[sl.word] = hit[sl.word] || sl.known
		}
	}
	matched, known = make([]bool, len(own.slots)), make([]bool, len(own.slots))
	for i, sl := range own.slots {
		known[i], matched[i] = hit[sl.word]
	}
	return own.slots, matched, known
}

// confident applies the rule.
func (sg confidenceSignals) confident() bool {
	return sg.coverage >= confidentCoverage && sg.margin >= confidentMargin
}
