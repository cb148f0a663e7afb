package server_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSuggestAPI(t *testing.T) {
	a := openAgentSample(t)
	msg := "Здравствуйте! Хочу отменить подписку, чтобы с карты больше не списывали деньги. Что будет с моими данными после отмены?"
	res := suggest(t, a.srv.URL, tokBot, map[string]any{"text": msg, "limit": 3})
	if !regexp.MustCompile(`^[A-Za-z0-9_-]{32}$`).MatchString(res.RequestID) {
		t.Errorf("request_id %q", res.RequestID)
	}
	if res.Lang != "ru" || res.DetectedLang != "ru" {
		t.Errorf("lang %q detected %q, want ru", res.Lang, res.DetectedLang)
	}
	if len(res.Suggestions) == 0 || len(res.Suggestions) > 3 {
		t.Fatalf("%d suggestions for limit 3", len(res.Suggestions))
	}
	top := res.Suggestions[0]
	if top.Article.ID != "billing/cancel-subscription" || top.Article.URL != "/ru/billing/cancel-subscription" {
		t.Fatalf("first suggestion %+v", top.Article)
	}
	if len(top.Article.Audience) != 1 || top.Article.Audience[0] != "public" {
		t.Errorf("audience %v", top.Article.Audience)
	}
	if top.Section == nil || !strings.HasPrefix(top.Section.URL, top.Article.URL+"#") || top.Section.Title == "" {
		t.Fatalf("section %+v", top.Section)
	}
	// The passage comes from the section that answers, not the lead.
	lead := ""
	for _, art := range a.corpus.Articles {
		if art.Key() == "ru/billing/cancel-subscription" {
			lead = art.Lead
		}
	}
	if lead == "" || strings.HasPrefix(top.Passage, lead[:min(len(lead), 40)]) {
		t.Errorf("passage is the article's first lines: %q", top.Passage)
	}
	if n := utf8.RuneCountInString(top.Passage); n == 0 || n > 600 {
		t.Errorf("passage of %d runes", n)
	}
	plain := strings.NewReplacer("<mark>", "", "</mark>", "", "&#39;", "'", "&#34;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(top.PassageHTML)
	if plain != top.Passage || !strings.Contains(top.PassageHTML, "<mark>") {
		t.Errorf("passage_html is not the marked passage:\n%q\n%q", top.PassageHTML, top.Passage)
	}
	if len(top.MatchedTerms) == 0 || top.Score <= 0 {
		t.Errorf("score %v, matched %v", top.Score, top.MatchedTerms)
	}
}

func TestSuggestAPIEmptyListsAreLists(t *testing.T) {
	a := openAgentSample(t)
	status, body, h := call(t, a.srv.URL, http.MethodPost, "/api/v1/suggest", tokBot, map[string]any{"text": "zzqx vvbn", "lang": "en"})
	if status != http.StatusOK || !strings.Contains(body, `"suggestions":[]`) {
		t.Errorf("status %d: %s", status, body)
	}
	if h.Get("X-Request-ID") == "" || h.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", h)
	}
}

func TestSuggestAPIRejects(t *testing.T) {
	a := openAgentSample(t)
	long := strings.Repeat("пароль ", 20000/7+1)
	tests := []struct {
		name string
		body any
		want int
	}{
		{"not JSON", `text=hello`, http.StatusBadRequest},
		{"array", `["hello"]`, http.StatusBadRequest},
		{"two objects", `{"text":"a"}{"text":"b"}`, http.StatusBadRequest},
		{"no text", map[string]any{"lang": "en"}, http.StatusBadRequest},
		{"blank text", map[string]any{"text": "   "}, http.StatusBadRequest},
		{"text not a string", map[string]any{"text": 5}, http.StatusBadRequest},
		{"unknown lang", map[string]any{"text": "hello", "lang": "de"}, http.StatusBadRequest},
		{"limit 0", map[string]any{"text": "hello", "limit": 0}, http.StatusBadRequest},
		{"limit 21", map[string]any{"text": "hello", "limit": 21}, http.StatusBadRequest},
		{"limit not a number", map[string]any{"text": "hello", "limit": "5"}, http.StatusBadRequest},
		{"unknown field", map[string]any{"text": "hello", "query": "x"}, http.StatusBadRequest},
		{"too many excludes", map[string]any{"text": "hello", "exclude": make([]string, 101)}, http.StatusBadRequest},
		{"text over 20,000 characters", map[string]any{"text": long}, http.StatusRequestEntityTooLarge},
		{"body over the limit", `{"text":"` + strings.Repeat("a", 200<<10) + `"}`, http.StatusRequestEntityTooLarge},
		{"limit 20 is fine", map[string]any{"text": "hello", "limit": 20}, http.StatusOK},
		{"20,000 characters are fine", map[string]any{"text": long[:strings.LastIndex(long[:30000], " ")]}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := call(t, a.srv.URL, http.MethodPost, "/api/v1/suggest", tokBot, tt.body)
			if status != tt.want {
				t.Fatalf("status %d, want %d: %.300s", status, tt.want, body)
			}
			if status == http.StatusOK {
				return
			}
			var e struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
				t.Errorf("not a JSON error: %.300s", body)
			}
		})
	}
	status, _, _ := call(t, a.srv.URL, http.MethodGet, "/api/v1/suggest", tokBot, nil)
	if status != http.StatusMethodNotAllowed {
		t.Errorf("GET suggest: %d, want 405", status)
	}
}

// TestSearchWithAgentToken: an agent's search returns public hits and the
// internal ones its tiers may see, each hit with its audience.
func TestSearchWithAgentToken(t *testing.T) {
	a := openAgentSample(t)
	path := "/api/v1/search?lang=en&per_page=20&q=" + strings.ReplaceAll("bank sync debugging connection statuses logs", " ", "+")
	type hits struct {
		Hits []struct {
			ID       string   `json:"id"`
			Audience []string `json:"audience"`
		} `json:"hits"`
	}
	get := func(tok string) map[string][]string {
		status, body, _ := call(t, a.srv.URL, http.MethodGet, path, tok, nil)
		if status != http.StatusOK {
			t.Fatalf("status %d: %s", status, body)
		}
		var h hits
		if err := json.Unmarshal([]byte(body), &h); err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for _, x := range h.Hits {
			out[x.ID] = x.Audience
		}
		return out
	}
	anon, l1 := get(""), get(tokL1)
	if _, ok := anon["integrations/bank-sync-debugging"]; ok {
		t.Error("anonymous search shows the internal article")
	}
	aud, ok := l1["integrations/bank-sync-debugging"]
	if !ok || len(aud) != 1 || aud[0] != "internal" {
		t.Errorf("l1 agent: internal article missing or without audience: %v", l1)
	}
	if aud, ok := l1["integrations/bank-connection"]; !ok || len(aud) != 1 || aud[0] != "public" {
		t.Errorf("l1 agent lost the public article: %v", l1)
	}
	// The admin token sees everything.
	if _, ok := get(tokAdmin)["integrations/bank-sync-debugging"]; !ok {
		t.Error("admin does not see the internal article")
	}
}

// TestSuggestAPIReply: each suggestion carries the text an agent pastes
// into a reply: table rows as "label: column — value" lines instead of
// "|" fragments, then the readable link (the Cyrillic anchor as letters,
// not %D0%…) after a word in the customer's language. Internal articles
// get no link: it would be a 404 for the customer.
func TestSuggestAPIReply(t *testing.T) {
	a := openAgentSample(t)
	type replied struct {
		Suggestions []struct {
			Article struct{ ID string } `json:"article"`
			Reply   string              `json:"reply"`
			Link    string              `json:"link"`
		} `json:"suggestions"`
	}
	ask := func(token, lang, text string) replied {
		t.Helper()
		status, body, _ := call(t, a.srv.URL, http.MethodPost, "/api/v1/suggest", token, map[string]any{"text": text, "lang": lang, "limit": 3})
		var res replied
		if err := json.Unmarshal([]byte(body), &res); status != http.StatusOK || err != nil || len(res.Suggestions) == 0 {
			t.Fatalf("status %d, %v: %s", status, err, body)
		}
		return res
	}

	res := ask(tokBot, "ru", "Добрый день! Сколько стоит тариф Стандарт в месяц и сколько при оплате за год? Спасибо.")
	top := res.Suggestions[0]
	if top.Article.ID != "billing/subscription-plans" {
		t.Fatalf("first suggestion %s", top.Article.ID)
	}
	wantLink := a.srv.URL + "/ru/billing/subscription-plans#сравнение-тарифов"
	for _, want := range []string{
		"Цена в месяц: Бесплатный — 0 €; Стандарт — 9 €; Бизнес — 24 €\n",
		"Цена при оплате за год: Стандарт — 90 €; Бизнес — 240 €\n",
		"\n\nПодробнее: " + wantLink,
	} {
		if !strings.Contains(top.Reply, want) {
			t.Errorf("reply lacks %q:\n%s", want, top.Reply)
		}
	}
	if strings.Contains(top.Reply, "|") || strings.Contains(top.Reply, "%D") || top.Link != wantLink {
		t.Errorf("link %q, reply:\n%s", top.Link, top.Reply)
	}

	res = ask(tokBot, "ru", "Здравствуйте, с меня списали деньги дважды за подписку, верните пожалуйста ошибочный платёж.")
	var refund string
	for _, sg := range res.Suggestions {
		if sg.Article.ID == "billing/refund-policy" {
			refund = sg.Reply
		}
	}
	if !strings.Contains(refund, "Двойное списание или списание после отмены — полная сумма ошибочного платежа") {
		t.Errorf("two-column table not as label — value:\n%s", refund)
	}

	res = ask(tokL2, "en", "A customer asks for a refund of 700 euros for the yearly plan. Who approves refunds over 500 euros?")
	for _, sg := range res.Suggestions {
		if sg.Article.ID == "billing/refund-procedure" && (sg.Link != "" || strings.Contains(sg.Reply, "http")) {
			t.Errorf("internal article with a link %q:\n%s", sg.Link, sg.Reply)
		}
	}
}
