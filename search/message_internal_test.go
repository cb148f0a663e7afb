package search

import (
	"slices"
	"strings"
	"testing"
)

// TestTopicText wants the words that carry a message's topic and nothing
// else: numbers, amounts, dates, ids and their labels, addresses, phones,
// greetings and sign-offs go, in all four languages; topic words that
// merely contain digits stay.
func TestTopicText(t *testing.T) {
	tests := []struct{ in, want string }{
		// The message.
		{"Добрый день. С меня списали деньги за годовой тариф два раза, 12 и 13 числа, по 11 880 рублей. Номер договора 99812345. Жду ответа.",
			"С меня списали деньги за годовой тариф два раза, по"},
		// Amounts.
		{"Paid $49.99 twice", "Paid twice"},
		{"Платих 1.200,00 лв за годината", "Платих за годината"},
		{"Оплатив 1 200 грн. за рік", "Оплатив за рік"},
		{"charged EUR 120 and USD 20.5", "charged"},
		{"ставка НДС 20% в счёте", "ставка НДС в счёте"},
		// Dates.
		{"оплата 12.03.2026 не прошла", "оплата не прошла"},
		{"renewed on March 3rd, 2026 again", "renewed on again"},
		{"списали 5 марта и 6 марта", "списали"},
		{"з 12-го по 15-те", "з по"},
		// Ids with their labels.
		{"Заказ № 99812345 не оплачен", "не оплачен"},
		{"ticket #A-1234 is open", "is open"},
		{"invoice INV-2024-001 was sent twice", "invoice was sent twice"},
		{"номер на поръчката 4411 е грешен", "е грешен"},
		{"номер моего договора: 12345, верните", "верните"},
		// Addresses and phones.
		{"пишите на ivan.petrov@example.com или звоните +7 (916) 123-45-67", "пишите на или звоните"},
		{"see https://schetovod.app/ru/billing?x=1 and www.example.com, also schetovod.app", "see and also"},
		{"тел.: +359 88 123 4567", "тел.:"},
		// Greetings, thanks, sign-offs, pleas.
		{"Здравствуйте! Не приходит письмо. Заранее спасибо!", "Не приходит письмо."},
		{"Доброго времени суток, не могу войти. Жду вашего ответа", "не могу войти."},
		{"Добрий день! Не можу увійти. Дякую, чекаю на відповідь.", "Не можу увійти."},
		{"Вітаю! Як скасувати підписку? З повагою", "Як скасувати підписку?"},
		{"Здравейте, как да изтрия фактура? Благодаря предварително! Очаквам отговор.", "как да изтрия фактура?"},
		{"Добър ден! Поздрави", ""},
		{"Hi team, how do I add a team member? Thanks in advance, best regards", "how do I add a team member?"},
		{"Hello, which plan is best for us? Looking forward to your reply.", "which plan is best for us?"},
		{"Dear support team, please help!!! The app crashes.", "The app crashes."},
		// Topic words with digits stay.
		{"Как включить 2FA и выгрузить в 1С? Формат MT940, L2", "Как включить 2FA и выгрузить в 1С? Формат MT940, L2"},
		{"3-D Secure не проходит", "3-D Secure не проходит"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := topicText(tt.in); got != tt.want {
			t.Errorf("topicText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestMessageBody wants the customer's own lines: quoted replies, reply
// headers, signatures and greeting lines go.
func TestMessageBody(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quoted lines", "Не пришёл счёт.\n> Мы отправили счёт вчера.\n>> старое\nПроверьте ещё раз.", "Не пришёл счёт.\nПроверьте ещё раз."},
		{"en header", "Still broken.\n\nOn Mon, 3 Mar 2026 at 10:00, Support <help@schetovod.app> wrote:\n> Please update the app.", "Still broken.\n"},
		{"en header wrapped", "Still broken.\nOn Mon, 3 Mar 2026 at 10:00, Support Team\n<help@schetovod.app> wrote:\nold text", "Still broken."},
		{"ru header", "Не помогло.\n03.03.2026, 10:00, Поддержка написал(а):\nобновите приложение", "Не помогло."},
		{"ru gmail header", "Не помогло.\nпн, 3 мар. 2026 г. в 10:00, Поддержка <help@schetovod.app>:\nстарый текст", "Не помогло."},
		{"uk header", "Не допомогло.\nПідтримка написав(ла):\nоновіть застосунок", "Не допомогло."},
		{"bg header", "Не помогна.\nПоддръжката написа:\nобновете", "Не помогна."},
		{"outlook", "Не работает.\n-----Original Message-----\nFrom: Support\nold", "Не работает."},
		{"outlook web", "Не работает.\n________________________________\nОт: Поддержка\nold", "Не работает."},
		{"own separator", "Не работает.\n-----\nИ ещё: не приходит письмо.", "Не работает.\n-----\nИ ещё: не приходит письмо."},
		{"outlook from", "Не работает.\nFrom: Support <help@x.com>\nSent: Monday\nold", "Не работает."},
		{"dash signature", "Как удалить счёт?\n-- \nИван Петров\n+7 916 123-45-67", "Как удалить счёт?"},
		{"sign-off block", "Как удалить счёт?\n\nС уважением,\nИван Петров\nООО «Ромашка»\n+7 916 123-45-67", "Как удалить счёт?\n"},
		{"sign-off with name", "How do I delete an invoice?\nBest, John Smith\nAcme Ltd", "How do I delete an invoice?"},
		{"thanks then a question", "Спасибо!\nА как удалить счёт?", "А как удалить счёт?"},
		{"thanks then text", "Thanks, that worked, but now the app crashes at start and I cannot log in at all", "Thanks, that worked, but now the app crashes at start and I cannot log in at all"},
		{"greeting line", "Здравствуйте, Мария!\nНе приходит письмо.", "Не приходит письмо."},
		{"mobile footer", "Не работает.\nОтправлено с iPhone", "Не работает."},
	}
	for _, tt := range tests {
		if got := messageBody(tt.in); got != tt.want {
			t.Errorf("%s: messageBody(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestSplitQuestions wants each question of a message once, as written.
func TestSplitQuestions(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"how do I fix a sent invoice? and what will the client see?", []string{"how do I fix a sent invoice?", "and what will the client see?"}},
		{"no VAT — and reverse charge for a German client?", []string{"no VAT", "and reverse charge for a German client?"}},
		{"Как исправить отправленный счёт, и что увидит клиент?", []string{"Как исправить отправленный счёт", "и что увидит клиент?"}},
		{"Як змінити пароль і як увімкнути двофакторну автентифікацію?", []string{"Як змінити пароль", "і як увімкнути двофакторну автентифікацію?"}},
		{"Вопросы:\n1) как сменить тариф\n2) где скачать чек\n3) можно ли вернуть деньги", []string{"как сменить тариф", "где скачать чек", "можно ли вернуть деньги"}},
		{"Two things: 1) export to Excel 2) connect my bank.", []string{"export to Excel", "connect my bank."}},
		{"1. Как да изтрия фактура?\n2. Как да добавя клиент?", []string{"Как да изтрия фактура?", "Как да добавя клиент?"}},
		{"1) как отменить подписку 2) вернут ли деньги? Договор № 99812345. Спасибо!", []string{"как отменить подписку", "вернут ли деньги?"}},
		{"1. Excel export\n2. Bank connection\n\nThanks, John", []string{"Excel export", "Bank connection"}},
		// One question, however long.
		{"Я удалил счёт, и теперь клиент его не видит?", []string{"Я удалил счёт, и теперь клиент его не видит?"}},
		{"How do I import and export clients?", []string{"How do I import and export clients?"}},
		{"The app crashed. I reinstalled it. What now?", []string{"What now?"}},
		{"No question here.", nil},
		// At most maxQuestions.
		{"A b? C d? E f? G h? I j?", []string{"A b?", "C d?", "E f?"}},
		{"1) a 2) b 3) c 4) d 5) e", []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		if got := splitQuestions(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitQuestions(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestMessageIsBounded feeds the message functions texts longer than the
// API accepts, built to make a careless parser work hard (one endless
// sentence of joins, a list of thousands of items), and wants what they
// return bounded by the API's length.
func TestMessageIsBounded(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("how, and what — and ", 5000) + "?",
		strings.Repeat("1) a ", 3000) + strings.Repeat("2) b ", 3000),
		strings.Repeat("> quoted\n", 5000),
		strings.Repeat("12 и ", 10000),
	} {
		body := messageBody(text)
		if n := len([]rune(body)); n > 20000 {
			t.Errorf("body of %d runes", n)
		}
		if qs := splitQuestions(body); len(qs) > maxQuestions {
			t.Errorf("%d questions", len(qs))
		}
		if topic := topicText(body); len(topic) > len(body) {
			t.Errorf("topic of %d bytes from a body of %d", len(topic), len(body))
		}
	}
}
