package eval

import "github.com/spravka/spravka"

// verdict is how the engine's answer to one message fared.
type verdict struct {
	// right1 and right3 are 0 or 1, except for a two-question message
	// answered per question: the mean over its questions.
	right1, right3 float64
	// sections counts the questions with an expected section and
	// sectionsRight those whose first suggestion is it.
	sections, sectionsRight   int
	confident, confidentRight bool
	none                      bool // graded MatchNone, or no suggestions at all
}

// judge scores got against the answers of a message of the given kind.
//
// A two-question message is judged per question when the engine split it
// (Suggestions.Questions has more than one entry): each question of the
// set is right@k when the article that answers it is among the first k of
// any of the engine's question lists, and the message scores the mean. An
// unsplit two-question message is judged as one list, right@k when it
// holds the answer to either question among its first k. Every other
// message is judged on the overall list. Section right@1 is per question
// always: the first suggestion of a judged list must be an article that
// answers the question, with the expected section.
func judge(kind string, answers []Answer, got *spravka.Suggestions) verdict {
	v := verdict{
		confident: got.Confident,
		none:      got.Match == spravka.MatchNone || len(got.Suggestions) == 0,
	}
	if len(answers) == 0 {
		return v // off-topic: every confident answer is wrong
	}
	v.confidentRight = got.Confident && within(got.Suggestions, 1, answers)
	lists := [][]spravka.Suggestion{got.Suggestions}
	split := kind == KindTwo && len(got.Questions) > 1
	if split {
		lists = lists[:0]
		for _, q := range got.Questions {
			lists = append(lists, q.Suggestions)
		}
	}
	parts := byPart(answers)
	if kind == KindTwo && !split {
		v.right1 = b2f(within(got.Suggestions, 1, answers))
		v.right3 = b2f(within(got.Suggestions, 3, answers))
	} else {
		for _, p := range parts {
			v.right1 += b2f(anyWithin(lists, 1, p)) / float64(len(parts))
			v.right3 += b2f(anyWithin(lists, 3, p)) / float64(len(parts))
		}
	}
	for _, p := range parts {
		if !hasSection(p) {
			continue
		}
		v.sections++
		if anySectionFirst(lists, p) {
			v.sectionsRight++
		}
	}
	return v
}

// byPart groups answers by question, in question order.
func byPart(answers []Answer) [][]Answer {
	var out [][]Answer
	for _, a := range answers {
		for len(out) < a.Part {
			out = append(out, nil)
		}
		out[a.Part-1] = append(out[a.Part-1], a)
	}
	return out
}

// within reports whether one of the first k suggestions is an answer.
func within(list []spravka.Suggestion, k int, answers []Answer) bool {
	for _, s := range list[:min(k, len(list))] {
		for _, a := range answers {
			if s.Article.ID == a.Article {
				return true
			}
		}
	}
	return false
}

func anyWithin(lists [][]spravka.Suggestion, k int, answers []Answer) bool {
	for _, l := range lists {
		if within(l, k, answers) {
			return true
		}
	}
	return false
}

func hasSection(answers []Answer) bool {
	for _, a := range answers {
		if a.Section != "" {
			return true
		}
	}
	return false
}

// anySectionFirst reports whether a list starts with an answer's article
// and the section expected of it.
func anySectionFirst(lists [][]spravka.Suggestion, answers []Answer) bool {
	for _, l := range lists {
		if len(l) == 0 || l[0].Section == nil {
			continue
		}
		for _, a := range answers {
			if a.Section != "" && l[0].Article.ID == a.Article && l[0].Section.ID == a.Section {
				return true
			}
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
