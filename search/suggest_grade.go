package search

import "github.com/spravka/spravka"

// The grade of a suggestion list (Suggestions.Match), from the signals of
// the confidence rule and calibrated the same way, on the shared
// evaluation sets (TestSuggestGradeCalibration, README "Agents and
// suggest") plus messages written for it over the sample help center,
// off-topic (testdata/offtopic) and on-topic (testdata/ontopic) — never
// the suggest evaluation set, which measures it:
//
//   - none when the first suggestion matches too little of the message to
//     be about it: a single word that is less than 40% of its weight
//     («день» of a message about the weather), or less than a quarter of
//     its weight in words the language knows that adds up to less than
//     one and a half rare words (a long message that matches several rare
//     words is about them even when it says much else). Of the grid points
//     that take away at most 2% of the right first answers, both of the
//     shared sets' queries and of the on-topic messages of
//     testdata/ontopic, this one grades the most off-topic messages none
//     (0.95) and loses the fewest right answers;
//   - good when it is confident or, with a smaller lead, matches as much:
//     the largest share of the shared sets' queries (0.45) whose P@1 is
//     ≥ 0.95 on all of them and ≥ 0.8 on each. The test holds it to the
//     promise, ≥ 0.9 and ≥ 0.8: the headroom is for ranker changes (the
//     grid point with a 0.25 lead has P@1 0.801 on tldr-common). good ⊇
//     confident by construction;
//   - weak otherwise.
const (
	// noneOneWord is the least share of the message's weight a match of a
	// single word must be.
	noneOneWord = 0.4
	// noneKnown and noneWeight: a first suggestion that matches less than
	// noneKnown of the message's weight in words its language knows, and
	// less than noneWeight rare words' worth, is none.
	noneKnown  = 0.25
	noneWeight = 1.5
	// goodCoverage and goodMargin: at or above both, good.
	goodCoverage = confidentCoverage
	goodMargin   = 0.3
)

// gradeOf grades a ranking's signals; ok is false for an empty ranking.
func gradeOf(sg confidenceSignals, ok bool) spravka.MatchGrade {
	switch {
	case !ok || sg.words < 2 && sg.known < noneOneWord || sg.known < noneKnown && sg.weight < noneWeight:
		return spravka.MatchNone
	case sg.confident() || sg.coverage >= goodCoverage && sg.margin >= goodMargin:
		return spravka.MatchGood
	}
	return spravka.MatchWeak
}
