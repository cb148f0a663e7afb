package search_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/content"
	"github.com/spravka/spravka/internal/evaltest"
	"github.com/spravka/spravka/search"
)

// sampleEngine indexes the sample help center (a fraction of a second).
func sampleEngine(t testing.TB) *search.Engine {
	t.Helper()
	return evaltest.Engine(t, content.FS())
}

var (
	bot = spravka.Access{Agent: "helpdesk-bot"}
	l2  = spravka.Access{Agent: "l2-team", Tiers: []string{"l2"}}
)

// TestSuggestCustomerMessages pastes messages as customers write them —
// greetings, context, more than one sentence — and wants the article that
// answers them first, with the language detected.
func TestSuggestCustomerMessages(t *testing.T) {
	eng := sampleEngine(t)
	tests := []struct {
		lang, text, want string
		access           spravka.Access
	}{
		{"ru", "Здравствуйте! Не могу зайти в аккаунт, забыл пароль, а письмо для восстановления так и не пришло. Что делать?", "account/reset-password", bot},
		{"ru", "Добрый день. Хочу отменить подписку, чтобы со следующего месяца деньги больше не списывались с карты. Как это сделать?", "billing/cancel-subscription", bot},
		{"ru", "Приложение на телефоне вылетает сразу при запуске после обновления, переустановка не помогла.", "troubleshooting/app-crashes", bot},
		{"ru", "Как поставить ставку НДС 20% в счёте? У нас часть услуг без НДС.", "invoices/vat-rates", bot},
		{"ru", "Списали деньги дважды за один месяц, верните, пожалуйста, лишний платёж.", "billing/refund-policy", bot},
		{"ru", "Клиент просит вернуть 700 евро за годовую подписку. Кто должен согласовать такой возврат и где его оформить?", "billing/refund-procedure", l2},
		{"uk", "Доброго дня! Не можу увійти, забув пароль, лист для відновлення не приходить. Допоможіть.", "account/reset-password", bot},
		{"uk", "Як скасувати підписку? Не хочу, щоб наступного місяця знову списали гроші з картки.", "billing/cancel-subscription", bot},
		{"uk", "Як встановити мобільний застосунок на Android? Не можу знайти його в Google Play.", "mobile/install-mobile-app", bot},
		{"uk", "Листи з рахунками від вас не надходять на пошту клієнтів, перевірили спам — там теж нема.", "troubleshooting/emails-not-arriving", bot},
		{"bg", "Здравейте, забравих си паролата и не мога да вляза в акаунта. Как да я нулирам?", "account/reset-password", bot},
		{"bg", "Как да изпратя фактура на клиент по имейл директно от програмата?", "invoices/send-invoice-by-email", bot},
		{"bg", "Не получавам имейлите от Schetovod, проверих и папката за спам.", "troubleshooting/emails-not-arriving", bot},
		{"bg", "Как да сканирам касова бележка с телефона?", "mobile/scan-receipts", bot},
		{"en", "Hi, I forgot my password and the reset email never arrives. How do I get back into my account?", "account/reset-password", bot},
		{"en", "How do I connect my bank account so that transactions import automatically?", "integrations/bank-connection", bot},
		{"en", "Can I export all my invoices to Excel for my accountant?", "integrations/export-to-excel", bot},
		{"en", "The mobile app keeps crashing every time I open it after the latest update.", "troubleshooting/app-crashes", bot},
		{"en", "How do I turn on two-factor authentication with an authenticator app?", "account/two-factor", bot},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.want, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), spravka.SuggestRequest{Text: tt.text, Access: tt.access})
			if err != nil {
				t.Fatal(err)
			}
			if res.Lang != tt.lang || res.DetectedLang != tt.lang {
				t.Errorf("lang %q, detected %q; want %q", res.Lang, res.DetectedLang, tt.lang)
			}
			if len(res.Suggestions) == 0 {
				t.Fatalf("no suggestions (match %q)", res.Match)
			}
			if res.Match == spravka.MatchNone || res.Confident && res.Match != spravka.MatchGood {
				t.Errorf("match %q, confident %v", res.Match, res.Confident)
			}
			t.Logf("match %s, confident %v", res.Match, res.Confident)
			top := res.Suggestions[0]
			if top.Article.ID != tt.want {
				var got []string
				for _, s := range res.Suggestions {
					got = append(got, s.Article.ID)
				}
				t.Fatalf("first suggestion %s, want %s (all: %v)", top.Article.ID, tt.want, got)
			}
			if top.Article.Lang != tt.lang {
				t.Errorf("article language %s, want %s", top.Article.Lang, tt.lang)
			}
			if n := utf8.RuneCountInString(top.Passage); n == 0 || n > spravka.MaxPassageRunes {
				t.Errorf("passage of %d runes: %q", n, top.Passage)
			}
			if !strings.Contains(top.PassageHTML, "<mark>") || len(top.MatchedTerms) == 0 {
				t.Errorf("nothing marked: %q, terms %v", top.PassageHTML, top.MatchedTerms)
			}
		})
	}
}

// TestSuggestAccess checks that the tiers are a filter of the index query:
// the L2 procedure answers an L2 agent and never a bot, even when asked
// in its own words.
func TestSuggestAccess(t *testing.T) {
	eng := sampleEngine(t)
	text := "Refund procedure (L2): who approves refunds over 500 euros, refund limit without approval, Downtime calculator"
	for _, tt := range []struct {
		name   string
		access spravka.Access
		sees   bool
	}{
		{"anonymous", spravka.Public, false},
		{"bot without tiers", bot, false},
		{"l1", spravka.Access{Agent: "l1", Tiers: []string{"l1"}}, false},
		{"l2", l2, true},
		{"l3", spravka.Access{Agent: "l3", Tiers: []string{"l3"}}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), spravka.SuggestRequest{Text: text, Lang: "en", Limit: 20, Access: tt.access})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, s := range res.Suggestions {
				if s.Article.ID == "billing/refund-procedure" {
					found = true
					if len(s.Article.Audience) == 0 || s.Article.Audience[0] == spravka.AudiencePublic {
						t.Errorf("internal article carries audience %v", s.Article.Audience)
					}
				}
			}
			if found != tt.sees {
				t.Errorf("refund procedure offered: %v, want %v", found, tt.sees)
			}
		})
	}
}

func TestSuggestLimitExcludeAndFilters(t *testing.T) {
	eng := sampleEngine(t)
	ctx := context.Background()
	text := "How do I reset my password? The reset email does not arrive."
	res, err := eng.Suggest(ctx, spravka.SuggestRequest{Text: text, Limit: 2, Access: bot})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Suggestions) != 2 {
		t.Fatalf("limit 2 gave %d suggestions", len(res.Suggestions))
	}
	first := res.Suggestions[0].Article.ID
	res, err = eng.Suggest(ctx, spravka.SuggestRequest{Text: text, Exclude: []string{first}, Access: bot})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Suggestions {
		if s.Article.ID == first {
			t.Errorf("excluded %s was suggested", first)
		}
	}
	res, err = eng.Suggest(ctx, spravka.SuggestRequest{Text: text, Category: "billing", Access: bot})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Suggestions {
		if !strings.HasPrefix(s.Article.ID, "billing/") {
			t.Errorf("category billing gave %s", s.Article.ID)
		}
	}
}

func TestSuggestNothingToSay(t *testing.T) {
	eng := sampleEngine(t)
	res, err := eng.Suggest(context.Background(), spravka.SuggestRequest{Text: "qwzx vbnm plkj", Lang: "en", Access: bot})
	if err != nil {
		t.Fatal(err)
	}
	if res.Confident || res.Match != spravka.MatchNone {
		t.Errorf("gibberish answered (confident %v, match %q): %+v", res.Confident, res.Match, res.Suggestions)
	}
	if res.Suggestions == nil {
		t.Error("suggestions must be an empty list, not null")
	}
}
