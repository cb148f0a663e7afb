package search_test

import (
	"context"
	"strings"
	"testing"

	"github.com/spravka/spravka"
)

// benchMessages are realistic messages over the sample help center: noise
// to strip, a quoted reply, two questions, a message no article answers,
// and a long one with a 200-word quoted history.
var benchMessages = map[string]string{
	"noise": "Добрый день. С меня списали деньги за годовой тариф два раза, 12 и 13 числа, по 11 880 рублей. " +
		"Я не давал согласия на второе списание! Номер договора 99812345. Жду ответа.\n\nС уважением,\nИван Петров\n+7 916 123-45-67",
	"questions":      "Hi team, two questions:\n1. How do I export invoices to Excel?\n2. How do I connect my bank account?\nThanks",
	"off-topic":      "Добрий день! Яка завтра погода у Львові, брати парасольку?",
	"other-language": "Добрий день! Як отримати API ключ для інтеграції з нашою CRM?",
	"long": "The password reset email never arrives, not even in spam. What should I do?\n\n" +
		"On Mon, 3 Mar 2026 at 10:00, Support <help@schetovod.app> wrote:\n" +
		strings.Repeat("> To cancel your subscription open Settings, then Subscription, and press Cancel. ", 15),
}

// BenchmarkSuggest measures one suggest call per kind of message on the
// sample help center: `go test -run '^$' -bench Suggest ./search/`.
func BenchmarkSuggest(b *testing.B) {
	eng := sampleEngine(b)
	for name, text := range benchMessages {
		b.Run(name, func(b *testing.B) {
			r := spravka.SuggestRequest{Text: text, Access: bot}
			for b.Loop() {
				if _, err := eng.Suggest(context.Background(), r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
