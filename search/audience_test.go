package search

import (
	"context"
	"strings"
	"testing"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search/layout"
)

// audienceContent has one word per audience that nothing public shares:
// openbankhub and bankhut (internal), fincontrol (tier l2), flamingoprice
// (a draft) and эскалация (internal, Russian).
func audienceContent() []*spravka.Article {
	public := art("en", "integrations/bank", "Connect your bank", "",
		"Statements: Statements arrive through the bankhub aggregator every night.")
	internal := art("en", "integrations/relay", "Debugging the relay", "",
		"Relay: When the bankhut relay stalls, restart the openbankhub connector.")
	internal.Audience = []string{spravka.AudienceInternal}
	tier := art("en", "billing/approvals", "Refund approvals", "",
		"Approvals: Refunds above the limit need the fincontrol sign-off.")
	tier.Audience = []string{"l2"}
	draft := art("en", "billing/pricing", "Upcoming pricing", "",
		"Tiers: The flamingoprice tier launches next quarter.")
	draft.Draft = true
	ruPublic := art("ru", "account/reset-password", "Как сбросить пароль", "",
		"Сброс: Нажмите «Забыли пароль?» на странице входа.")
	ruInternal := art("ru", "troubleshooting/escalation", "Эскалация инцидента дежурному инженеру", "",
		"Пейджер: Эскалация инцидента: дежурный инженер подключается через пейджер.")
	ruInternal.Audience = []string{spravka.AudienceInternal}
	return []*spravka.Article{public, internal, tier, draft, ruPublic, ruInternal}
}

var audienceCallers = []struct {
	name   string
	access spravka.Access
}{
	{"anonymous", spravka.Public},
	{"bot", spravka.Access{Agent: "bot"}},
	{"l1", spravka.Access{Agent: "l1", Tiers: []string{"l1"}}},
	{"l2", spravka.Access{Agent: "l2", Tiers: []string{"l2"}}},
	{"preview", spravka.Access{Preview: true}},
}

// TestCorrectionsOfferOnlyReadableWords asks, as every caller, for a typo of
// a word of each audience and for an internal phrase typed on the wrong
// keyboard layout. The did_you_mean and layout corrections may offer the
// word only to callers who may read an article that has it; the others
// must get nothing of it. Callers who may read it do get it, so the test
// cannot pass by asking badly.
func TestCorrectionsOfferOnlyReadableWords(t *testing.T) {
	arts := audienceContent()
	e := engineWith(t, arts...)
	tests := []struct {
		query, lang, secret string
		readers             *spravka.Article // who may read the secret: whoever can see this article
	}{
		{"openbankhab", "en", "openbankhub", arts[1]},
		{"fincontral", "en", "fincontrol", arts[2]},
		{"flamingoprise", "en", "flamingoprice", arts[3]},
		{"flamingoprise", "", "flamingoprice", arts[3]},
		{layout.ToLatin("эскалация инцидента", layout.Russian), "", "эскалация", arts[5]},
	}
	for _, tt := range tests {
		for _, c := range audienceCallers {
			res, err := e.Search(context.Background(), spravka.Query{Text: tt.query, Lang: tt.lang, Access: c.access})
			if err != nil {
				t.Fatal(err)
			}
			offered := strings.Contains(res.DidYouMean+" "+res.Corrected, tt.secret)
			if may := c.access.CanSee(tt.readers); offered != may {
				t.Errorf("%s asks %q (lang %q): did_you_mean %q, corrected %q; may read %q: %v",
					c.name, tt.query, tt.lang, res.DidYouMean, res.Corrected, tt.secret, may)
			}
		}
	}
}

// TestHiddenWordIsUnknownToCaller: a word that only articles hidden from
// the caller use must behave exactly like a word nobody uses, or the
// difference tells the caller that it exists. Both get the public
// correction and the public article it finds.
func TestHiddenWordIsUnknownToCaller(t *testing.T) {
	e := engineWith(t, audienceContent()...)
	search := func(q string, access spravka.Access) *spravka.Result {
		t.Helper()
		res, err := e.Search(context.Background(), spravka.Query{Text: q, Lang: "en", Access: access})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, c := range audienceCallers[:2] {
		for _, q := range []string{"bankhut", "bankhux"} {
			res := search(q, c.access)
			if got := strings.Join(ids(res), ","); res.DidYouMean != "bankhub" || got != "en/integrations/bank" {
				t.Errorf("%s asks %q: did_you_mean %q, hits %s; want \"bankhub\" and the public article", c.name, q, res.DidYouMean, got)
			}
		}
	}
	res := search("bankhut", audienceCallers[2].access)
	if got := ids(res); res.DidYouMean != "" || len(got) == 0 || got[0] != "en/integrations/relay" {
		t.Errorf("l1 asks \"bankhut\": did_you_mean %q, hits %s; want the internal article first and no correction", res.DidYouMean, got)
	}
}

// TestCorrectionsFollowUpdates publishes the draft, then deletes it: its
// word is offered to the public only while the article is public.
func TestCorrectionsFollowUpdates(t *testing.T) {
	arts := audienceContent()
	e := engineWith(t, arts...)
	offered := func() string {
		t.Helper()
		res, err := e.Search(context.Background(), spravka.Query{Text: "flamingoprise", Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		return res.DidYouMean
	}
	published := *arts[3]
	published.Draft, published.Hash = false, "published"
	steps := []struct {
		name    string
		upserts []*spravka.Article
		deletes []string
		want    string
	}{
		{"draft", nil, nil, ""},
		{"published", []*spravka.Article{&published}, nil, "flamingoprice"},
		{"back to draft", []*spravka.Article{arts[3]}, nil, ""},
		{"published again", []*spravka.Article{&published}, nil, "flamingoprice"},
		{"deleted", nil, []string{published.Key()}, ""},
	}
	for _, s := range steps {
		if err := e.Update(context.Background(), s.upserts, s.deletes); err != nil {
			t.Fatal(err)
		}
		if got := offered(); got != s.want {
			t.Errorf("%s: did_you_mean %q, want %q", s.name, got, s.want)
		}
	}
}

// TestLanguageChoiceIgnoresHiddenWords: a query without a language is read
// in the language whose articles know its words; only articles the caller
// may read count, or the language answered tells which language's hidden
// articles use a word.
func TestLanguageChoiceIgnoresHiddenWords(t *testing.T) {
	hidden := art("uk", "devices/sealer", "Пломбатор для касових апаратів", "",
		"Пломбатор: Пломбатор ставить пломбу на корпус.")
	hidden.Audience = []string{spravka.AudienceInternal}
	e := engineWith(t,
		art("ru", "account/reset-password", "Как сбросить пароль", "", "Сброс: Нажмите «Забыли пароль?»."),
		art("uk", "account/reset-password", "Як скинути пароль", "", "Скидання: Натисніть «Забули пароль?»."),
		hidden)
	lang := func(q string, access spravka.Access) string {
		t.Helper()
		res, err := e.Search(context.Background(), spravka.Query{Text: q, Access: access})
		if err != nil {
			t.Fatal(err)
		}
		return res.Lang
	}
	if got := lang("пломбатор", audienceCallers[2].access); got != "uk" {
		t.Fatalf("l1 asks \"пломбатор\": lang %q, want uk, where the article that has it is", got)
	}
	for _, c := range audienceCallers[:2] {
		if got, unknown := lang("пломбатор", c.access), lang("пломбатур", c.access); got != unknown {
			t.Errorf("%s: \"пломбатор\" is read as %q, an unknown word of the same letters as %q", c.name, got, unknown)
		}
	}
}
