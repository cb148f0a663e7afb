package search_test

import (
	"context"
	"slices"
	"testing"

	"github.com/spravka/spravka"
)

var l1 = spravka.Access{Agent: "l1-team", Tiers: []string{"l1"}}

// TestSuggestIgnoresNoise pastes messages whose rarest words are noise —
// amounts, dates, contract and ticket numbers, addresses, phones,
// greetings and sign-offs, a quoted earlier reply about something else —
// and wants the article about their topic first, in the language of the
// whole message. The first is the message of issue #14, which put the
// internal bank-sync article first and the refund policy out of the top 5.
func TestSuggestIgnoresNoise(t *testing.T) {
	eng := sampleEngine(t)
	tests := []struct{ lang, text, want string }{
		{"ru", "Добрый день. С меня списали деньги за годовой тариф два раза, 12 и 13 числа, по 11 880 рублей. " +
			"Я не давал согласия на второе списание! Номер договора 99812345. Жду ответа.", "billing/refund-policy"},
		{"ru", "Здравствуйте! Оплатил годовой тариф 03.03.2026, а 04.03.2026 списали ещё 11 880 ₽, в выписке банка два одинаковых платежа. " +
			"Верните, пожалуйста, лишний. Договор № 99812345, почта ivan.petrov@example.com, https://schetovod.app/account/99812345\n\n" +
			"С уважением,\nИван Петров\nООО «Ромашка»\n+7 (916) 123-45-67", "billing/refund-policy"},
		{"ru", "Письмо для сброса пароля так и не пришло, в спаме тоже нет.\n\n" +
			"пн, 3 мар. 2026 г. в 10:00, Поддержка Счетовода <help@schetovod.app>:\n" +
			"> Чтобы отменить подписку, откройте Настройки → Подписка и нажмите «Отменить подписку». " +
			"> Деньги за годовой тариф возвращаются в течение 14 дней.", "account/reset-password"},
		{"uk", "Доброго дня! Списали гроші двічі за підписку, 12 та 13 березня, по 1 200 грн. Замовлення № 4471-2209. " +
			"Поверніть зайве. Чекаю на відповідь.\nЗ повагою,\nОлена Коваль\n+380 67 123 4567", "billing/refund-policy"},
		{"bg", "Здравейте, платих 1.200,00 лв два пъти за годишния абонамент на 12.03.2026, поръчка № 99812345. " +
			"Искам да ми върнете парите. Очаквам отговор.\nПоздрави,\nИван Иванов\n+359 88 123 4567", "billing/refund-policy"},
		{"en", "Hi team, I was charged $49.99 twice on March 3rd for the same subscription (invoice INV-2024-001, ticket #A-1234). " +
			"Please refund the duplicate payment.\n\nBest regards,\nJohn Smith\nAcme Ltd\n+1 415 555 0100", "billing/refund-policy"},
		{"en", "I forgot my password and cannot log in. How do I reset it?\n\n" +
			"On Mon, 3 Mar 2026 at 10:00, Schetovod Support <help@schetovod.app> wrote:\n" +
			"> To cancel your subscription open Settings → Subscription and press Cancel subscription.\n" +
			"> Annual plans are refunded within 14 days of payment.", "account/reset-password"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.want, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), spravka.SuggestRequest{Text: tt.text, Access: l1})
			if err != nil {
				t.Fatal(err)
			}
			if res.Lang != tt.lang || res.DetectedLang != tt.lang {
				t.Errorf("lang %q, detected %q; want %q", res.Lang, res.DetectedLang, tt.lang)
			}
			if got := ids(res.Suggestions); len(got) == 0 || got[0] != tt.want {
				t.Fatalf("suggestions %v (match %s), want %s first", got, res.Match, tt.want)
			}
			if res.Match == spravka.MatchNone {
				t.Errorf("match none with suggestions")
			}
			for _, w := range res.Suggestions[0].MatchedTerms {
				if slices.Contains([]string{"договора", "ответа", "99812345", "example.com", "рублей", "regards"}, w) {
					t.Errorf("noise %q ranked", w)
				}
			}
		})
	}
}

// TestSuggestQuestions wants a message that asks two things answered per
// question (the examples of issue #14 and numbered lists), beside the
// overall list, and a message that asks one thing answered once.
func TestSuggestQuestions(t *testing.T) {
	eng := sampleEngine(t)
	type question struct{ text, first, section string }
	tests := []struct {
		text string
		want []question
	}{
		{"how do I fix a sent invoice? and what will the client see?", []question{
			{"how do I fix a sent invoice?", "invoices/edit-or-cancel-invoice", ""},
			{"and what will the client see?", "", ""}}},
		{"no VAT — and reverse charge for a German client?", []question{
			{"no VAT", "invoices/vat-rates", "Invoicing without VAT"},
			{"and reverse charge for a German client?", "invoices/vat-rates", "Reverse charge"}}},
		{"Добрий день! Як змінити пароль і як увімкнути двофакторну автентифікацію?", []question{
			{"Як змінити пароль", "account/change-password", ""},
			{"і як увімкнути двофакторну автентифікацію?", "account/two-factor", ""}}},
		{"Здравейте, 1) как да изпратя фактура по имейл 2) как да сканирам касова бележка", []question{
			{"как да изпратя фактура по имейл", "invoices/send-invoice-by-email", ""},
			{"как да сканирам касова бележка", "mobile/scan-receipts", ""}}},
		{"Hi team, two questions:\n1. How do I export invoices to Excel?\n2. How do I connect my bank account?\nThanks", []question{
			{"How do I export invoices to Excel?", "integrations/export-to-excel", ""},
			{"How do I connect my bank account?", "integrations/bank-connection", ""}}},
		// One question, with context: no per-question answers.
		{"Приложение вылетает при запуске после обновления. Что делать?", nil},
		// The second question has nothing to answer with.
		{"Как отменить подписку? А как у вас дела?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), spravka.SuggestRequest{Text: tt.text, Access: bot})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Suggestions) == 0 {
				t.Errorf("no overall list (match %s)", res.Match)
			}
			if len(res.Questions) != len(tt.want) {
				t.Fatalf("%d questions %+v, want %d", len(res.Questions), res.Questions, len(tt.want))
			}
			for i, q := range res.Questions {
				w := tt.want[i]
				if q.Text != w.text {
					t.Errorf("question %d: %q, want %q", i, q.Text, w.text)
				}
				if q.Match == spravka.MatchNone || len(q.Suggestions) == 0 || len(q.Suggestions) > 3 {
					t.Fatalf("question %q: match %s, %d suggestions", q.Text, q.Match, len(q.Suggestions))
				}
				if w.first != "" && q.Suggestions[0].Article.ID != w.first {
					t.Errorf("question %q: first %s, want %s (all %v)", q.Text, q.Suggestions[0].Article.ID, w.first, ids(q.Suggestions))
				}
				if sec := q.Suggestions[0].Section; w.section != "" && (sec == nil || sec.Title != w.section) {
					t.Errorf("question %q: section %+v, want %q", q.Text, sec, w.section)
				}
			}
		})
	}
}

// TestSuggestOtherLanguage: a Ukrainian customer asks what only the
// Russian and English articles answer; the answer is one of them, marked
// with its language, while the request's language stays Ukrainian. A
// question Ukrainian articles answer stays in Ukrainian.
func TestSuggestOtherLanguage(t *testing.T) {
	eng := sampleEngine(t)
	tests := []struct {
		text, want string
		langs      []string
	}{
		{"Добрий день! Як отримати API ключ для інтеграції з нашою CRM?", "integrations/api-keys", []string{"ru", "en"}},
		{"Як скасувати підписку, щоб більше не списували гроші?", "billing/cancel-subscription", []string{"uk"}},
	}
	for _, tt := range tests {
		res, err := eng.Suggest(context.Background(), spravka.SuggestRequest{Text: tt.text, Lang: "uk", Access: bot})
		if err != nil {
			t.Fatal(err)
		}
		if res.Lang != "uk" {
			t.Errorf("%q: lang %s, want uk", tt.text, res.Lang)
		}
		if len(res.Suggestions) == 0 || res.Match == spravka.MatchNone {
			t.Fatalf("%q: match %s, suggestions %v", tt.text, res.Match, ids(res.Suggestions))
		}
		top := res.Suggestions[0].Article
		if top.ID != tt.want || !slices.Contains(tt.langs, top.Lang) {
			t.Errorf("%q: first %s/%s, want %s in %v", tt.text, top.Lang, top.ID, tt.want, tt.langs)
		}
	}
}

func ids(ss []spravka.Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Article.ID)
	}
	return out
}
