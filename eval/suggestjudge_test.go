package eval

import (
	"testing"

	"github.com/spravka/spravka"
)

// sg is a suggestion of article id, with section sec unless it is "".
func sg(id, sec string) spravka.Suggestion {
	s := spravka.Suggestion{Article: spravka.SuggestedArticle{ID: id}}
	if sec != "" {
		s.Section = &spravka.SectionRef{ID: sec}
	}
	return s
}

func list(s ...spravka.Suggestion) *spravka.Suggestions {
	return &spravka.Suggestions{Suggestions: s, Match: spravka.MatchWeak}
}

func split(lists ...[]spravka.Suggestion) *spravka.Suggestions {
	out := &spravka.Suggestions{Match: spravka.MatchWeak}
	for _, l := range lists {
		out.Suggestions = append(out.Suggestions, l...)
		out.Questions = append(out.Questions, spravka.QuestionSuggestions{Suggestions: l})
	}
	return out
}

func TestJudge(t *testing.T) {
	one := []Answer{{1, "a", "s1"}}
	two := []Answer{{1, "a", "s1"}, {2, "b", ""}}
	same := []Answer{{1, "a", "s1"}, {2, "a", "s2"}}
	confident := list(sg("a", "s1"), sg("x", ""))
	confident.Confident = true
	wrongConfident := list(sg("x", ""), sg("a", "s1"))
	wrongConfident.Confident = true
	none := list(sg("a", "s1"))
	none.Match = spravka.MatchNone
	tests := []struct {
		name    string
		kind    string
		answers []Answer
		got     *spravka.Suggestions
		want    verdict
	}{
		{"first, right section", KindSingle, one, list(sg("a", "s1"), sg("x", "")),
			verdict{right1: 1, right3: 1, sections: 1, sectionsRight: 1}},
		{"first, other section", KindSingle, one, list(sg("a", "s2")),
			verdict{right1: 1, right3: 1, sections: 1}},
		{"first, whole article", KindSingle, one, list(sg("a", "")),
			verdict{right1: 1, right3: 1, sections: 1}},
		{"third", KindSingle, one, list(sg("x", ""), sg("y", ""), sg("a", "s1")),
			verdict{right3: 1, sections: 1}},
		{"fourth", KindSingle, one, list(sg("x", ""), sg("y", ""), sg("z", ""), sg("a", "s1")),
			verdict{sections: 1}},
		{"nothing", KindSingle, one, list(), verdict{sections: 1, none: true}},
		{"graded none keeps its list", KindSingle, one, none,
			verdict{right1: 1, right3: 1, sections: 1, sectionsRight: 1, none: true}},
		{"confident and right", KindSingle, one, confident,
			verdict{right1: 1, right3: 1, sections: 1, sectionsRight: 1, confident: true, confidentRight: true}},
		{"confident and wrong", KindSingle, one, wrongConfident,
			verdict{right3: 1, sections: 1, confident: true}},
		{"off-topic answered", KindOffTopic, nil, wrongConfident, verdict{confident: true}},
		{"off-topic none", KindOffTopic, nil, list(), verdict{none: true}},
		{"two unsplit: either answer counts", KindTwo, two, list(sg("b", ""), sg("x", "")),
			verdict{right1: 1, right3: 1, sections: 1}},
		{"two unsplit: first question's section", KindTwo, two, list(sg("a", "s1")),
			verdict{right1: 1, right3: 1, sections: 1, sectionsRight: 1}},
		{"two split: one of two first", KindTwo, two, split([]spravka.Suggestion{sg("a", "s1")}, []spravka.Suggestion{sg("c", ""), sg("b", "")}),
			verdict{right1: 0.5, right3: 1, sections: 1, sectionsRight: 1}},
		{"two split: questions in another order", KindTwo, two, split([]spravka.Suggestion{sg("b", "")}, []spravka.Suggestion{sg("a", "s1")}),
			verdict{right1: 1, right3: 1, sections: 1, sectionsRight: 1}},
		{"two split: one question unanswered", KindTwo, two, split([]spravka.Suggestion{sg("a", "s1")}, nil),
			verdict{right1: 0.5, right3: 0.5, sections: 1, sectionsRight: 1}},
		{"two, one article: sections tell", KindTwo, same, split([]spravka.Suggestion{sg("a", "s1")}, []spravka.Suggestion{sg("a", "s1")}),
			verdict{right1: 1, right3: 1, sections: 2, sectionsRight: 1}},
		{"two, one article, split right", KindTwo, same, split([]spravka.Suggestion{sg("a", "s2")}, []spravka.Suggestion{sg("a", "s1")}),
			verdict{right1: 1, right3: 1, sections: 2, sectionsRight: 2}},
		{"one question list is no split", KindTwo, two, split([]spravka.Suggestion{sg("x", ""), sg("b", "")}),
			verdict{right3: 1, sections: 1}},
		{"a single question split stays whole", KindSingle, one, split([]spravka.Suggestion{sg("x", "")}, []spravka.Suggestion{sg("a", "s1")}),
			verdict{right3: 1, sections: 1}},
	}
	for _, tt := range tests {
		if got := judge(tt.kind, tt.answers, tt.got); got != tt.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}
