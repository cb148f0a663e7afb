package server_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/spravka/spravka"
)

// cannedSuggester is the fake library answering every suggest with res, so
// that a test can shape what the engine returns (grades, questions) and
// look at how the API writes it.
type cannedSuggester struct {
	*fakeEngine
	res spravka.Suggestions
}

func (c cannedSuggester) Suggest(context.Context, spravka.SuggestRequest) (*spravka.Suggestions, error) {
	res := c.res
	return &res, nil
}

func cannedSuggestion(id, title, lang string) spravka.Suggestion {
	return spravka.Suggestion{Article: spravka.SuggestedArticle{ID: id, Title: title, URL: "/" + lang + "/" + id, Lang: lang,
		Audience: []string{spravka.AudiencePublic}}, Passage: "text", PassageHTML: "text", MatchedTerms: []string{}}
}

// TestSuggestAPIMatchAndQuestions: the answer carries the engine's match
// grade and, for a message with several questions, one answer per
// question; a message with one question has no "questions" key, an
// ungraded answer no "match", and empty lists are [] rather than null.
func TestSuggestAPIMatchAndQuestions(t *testing.T) {
	refund, plans := cannedSuggestion("billing/refund-policy", "Правила возврата", "ru"), cannedSuggestion("billing/subscription-plans", "Тарифы", "ru")
	tests := []struct {
		name string
		res  spravka.Suggestions
		want string // the "match", "suggestions" and "questions" of the answer, as JSON
	}{
		{"one question, good", spravka.Suggestions{Lang: "ru", Match: spravka.MatchGood, Suggestions: []spravka.Suggestion{refund}},
			`{"match":"good","suggestions":["billing/refund-policy"]}`},
		{"off-topic", spravka.Suggestions{Lang: "ru", Match: spravka.MatchNone},
			`{"match":"none","suggestions":[]}`},
		{"ungraded engine", spravka.Suggestions{Lang: "ru", Suggestions: []spravka.Suggestion{refund}},
			`{"suggestions":["billing/refund-policy"]}`},
		{"two questions", spravka.Suggestions{Lang: "ru", Match: spravka.MatchWeak, Suggestions: []spravka.Suggestion{refund, plans},
			Questions: []spravka.QuestionSuggestions{
				{Text: "Вернёте деньги?", Match: spravka.MatchGood, Suggestions: []spravka.Suggestion{refund}},
				{Text: "Погода в Лиссабоне?", Match: spravka.MatchNone},
			}},
			`{"match":"weak","suggestions":["billing/refund-policy","billing/subscription-plans"],"questions":[
				{"text":"Вернёте деньги?","match":"good","suggestions":["billing/refund-policy"]},
				{"text":"Погода в Лиссабоне?","match":"none","suggestions":[]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newAnalyticsSiteOver(t, cannedSuggester{fakeEngine: newFakeEngine(), res: tt.res}, nil)
			status, body, _ := site.do(t, "POST", "/api/v1/suggest", jsonType, `{"text":"Верните деньги","lang":"ru"}`,
				"Authorization", "Bearer "+agentToken)
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			var got, want map[string]any
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tt.want), &want); err != nil {
				t.Fatal(err)
			}
			if g := shape(got); !reflect.DeepEqual(g, want) {
				gj, _ := json.Marshal(g)
				t.Errorf("answer %s\nwant %s", gj, tt.want)
			}
		})
	}
}

// shape keeps the keys match, suggestions and questions of a suggest
// answer, each suggestion reduced to its article id.
func shape(m map[string]any) map[string]any {
	out := map[string]any{}
	for _, k := range []string{"text", "match", "suggestions", "questions"} {
		v, ok := m[k]
		if !ok {
			continue
		}
		switch k {
		case "suggestions":
			ids := []any{}
			if list, ok := v.([]any); ok {
				for _, s := range list {
					ids = append(ids, s.(map[string]any)["article"].(map[string]any)["id"])
				}
			} else {
				ids = append(ids, v) // null, shown as is
			}
			v = ids
		case "questions":
			qs := []any{}
			for _, q := range v.([]any) {
				qs = append(qs, shape(q.(map[string]any)))
			}
			v = qs
		}
		out[k] = v
	}
	return out
}

// TestSuggestQuestionsReachAnalytics: an article offered only as the answer
// to one question of the message counts as suggested in the report, so
// that the agent's feedback on it is measured against something.
func TestSuggestQuestionsReachAnalytics(t *testing.T) {
	reset := cannedSuggestion("account/reset-password", "Reset your password", "en")
	refunds := cannedSuggestion("billing/refunds", "Refunds", "en")
	site := newAnalyticsSiteOver(t, cannedSuggester{fakeEngine: newFakeEngine(), res: spravka.Suggestions{Lang: "en",
		Match: spravka.MatchGood, Suggestions: []spravka.Suggestion{reset},
		Questions: []spravka.QuestionSuggestions{
			{Text: "How do I reset my password?", Match: spravka.MatchGood, Suggestions: []spravka.Suggestion{reset}},
			{Text: "And can I get my money back?", Match: spravka.MatchWeak, Suggestions: []spravka.Suggestion{refunds}},
		}}}, nil)
	status, body, _ := site.do(t, "POST", "/api/v1/suggest", jsonType, `{"text":"password? refund?","lang":"en"}`,
		"Authorization", "Bearer "+agentToken)
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	got := map[string]int{}
	for _, st := range site.report(t, "").Suggest {
		got[st.ArticleID] = st.Suggested
	}
	if want := map[string]int{"account/reset-password": 1, "billing/refunds": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("suggested per article %v, want %v", got, want)
	}
}
