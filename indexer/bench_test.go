package indexer

import (
	"strings"
	"testing"
)

// benchArticle is a typical help article: front matter, a lead, five
// sections with lists, a table and a code block; about 500 words.
func benchArticle() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Как сбросить пароль\nsummary: Как восстановить доступ.\ntags: [пароль, вход]\nproducts: [web, mobile]\n" +
		"questions: [забыл пароль, не приходит письмо]\nweight: 1\nupdated: 2026-10-14\n---\n\n")
	para := "Если вы не помните пароль, его можно сбросить самостоятельно за пару минут: мы отправим ссылку на email, " +
		"к которому привязан аккаунт. Старый пароль при этом знать не нужно, а ссылка действует один час.\n\n"
	b.WriteString(para)
	for _, h := range []string{"## Как сбросить пароль на сайте", "## Письмо не приходит", "### Проверьте спам", "## Через приложение", "## Что дальше"} {
		b.WriteString(h + "\n\n" + para + para)
		b.WriteString("1. Откройте страницу **входа**.\n2. Нажмите [Забыли пароль?](../account/login.ru.md#вход).\n3. Введите `email` и нажмите *Отправить*.\n\n")
		b.WriteString("| Способ | Срок |\n|---|---|\n| Email | 60 минут |\n| SMS | 5 минут |\n\n")
		b.WriteString("```sh\nspravka reset --email user@example.com\n```\n\n")
	}
	return []byte(b.String())
}

func BenchmarkParseArticle(b *testing.B) {
	src := benchArticle()
	if n := len(strings.Fields(string(src))); n < 450 || n > 600 {
		b.Fatalf("benchmark article has %d words, want about 500", n)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if a, problems := ParseArticle("account/reset-password.ru.md", src, Options{}); a == nil {
			b.Fatal(problems)
		}
	}
}
