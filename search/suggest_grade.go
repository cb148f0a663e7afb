package search

import "github.com/spravka/spravka"

// The grade of a suggestion list (Suggestions.Match), from the signals of
// the confidence rule and calibrated the same way, on the shared
// evaluation sets (TestSuggestGradeCalibration, README "Agents and
// suggest") plus the off-topic messages of testdata/offtopic:
//
//   - none when the first suggestion matches too little of the message to
//     be about it: less than a quarter of its weight in words the language
//     knows, or a single word that is less than 40% of it («день» of a
//     message about the weather). Of the grid points that take away at
//     most 2% of the shared sets' right first answers, this one grades the
//     most off-topic messages none (0.97);
//   - good when it is confident or, with a smaller lead, matches as much:
//     the largest share of the shared sets' queries (0.45) whose P@1 is
//     ≥ 0.95 on all of them and ≥ 0.8 on each. The test holds it to the
//     promise, ≥ 0.9 and ≥ 0.8: the headroom is for ranker changes (the
//     grid point with a 0.25 lead has P@1 0.801 on tldr-common). good ⊇
//     confident by construction;
//   - weak otherwise.
const (
	// noneKnown is the least share of the message's weight the first
	// suggestion must match in words its language knows.
	noneKnown = 0.25
	// noneOneWord is the least share a match of a single word must be.
	noneOneWord = 0.4
	// goodCoverage and goodMargin: at or above both, good.
	goodCoverage = confidentCoverage
	goodMargin   = 0.3
)

// gradeOf grades a ranking's signals; ok is false for an empty ranking.
func gradeOf(sg confidenceSignals, ok bool) spravka.MatchGrade {
	switch {
	case !ok || sg.known < noneKnown || sg.words < 2 && sg.known < noneOneWord:
		return spravka.MatchNone
	case sg.confident() || sg.coverage >= goodCoverage && sg.margin >= goodMargin:
		return spravka.MatchGood
	}
	return spravka.MatchWeak
}
