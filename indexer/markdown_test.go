package indexer

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spravka/spravka"
)

// parse parses a body under a two-line front matter, so that the body's
// first line is file line 4.
func parse(t *testing.T, body string, opts Options) *spravka.Article {
	t.Helper()
	a, problems := ParseArticle("account/page.ru.md", []byte("---\ntitle: T\n---\n"+body), opts)
	if a == nil {
		t.Fatalf("skipped: %q", problemStrings(problems))
	}
	return a
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Как сбросить пароль", "как-сбросить-пароль"},
		{"Що робити, якщо ключ не працює?", "що-робити-якщо-ключ-не-працює"},
		{"Как работает 2FA (двухфакторная)", "как-работает-2fa-двухфакторная"},
		{"Ёлки — палки", "ёлки-палки"},
		{"snake_case  and--dashes", "snake-case-and-dashes"},
		{"  -Trim me-  ", "trim-me"},
		{"Don't panic!", "dont-panic"},
		{"C++ & C#", "c-c"},
		{"?!…", "section"},
		{"", "section"},
		{"Й decomposed: \u0438\u0306", "й-decomposed-й"},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var headingIDRe = regexp.MustCompile(`<h([1-6]) id="([^"]*)">`)

func TestSections(t *testing.T) {
	body := `Вводный абзац.

# Заголовок страницы

## Как сбросить пароль

Шаги.

### Через приложение

Откройте приложение.

#### Мелкая деталь

Деталь.

## Как сбросить пароль

Ещё раз.

## Как сбросить пароль-1

Третий.

## Вход через [Google](https://google.com) и **почту**

##

Пусто.

Setext тоже раздел
------------------

Текст.

- ## Heading in a list is not a section
`
	a := parse(t, body, Options{})
	want := []spravka.Section{
		{ID: "как-сбросить-пароль", Title: "Как сбросить пароль", Level: 2, Line: 8, Text: "Шаги."},
		{ID: "через-приложение", Title: "Через приложение", Level: 3, Line: 12, Text: "Откройте приложение.\nМелкая деталь\nДеталь."},
		{ID: "как-сбросить-пароль-1", Title: "Как сбросить пароль", Level: 2, Line: 20, Text: "Ещё раз."},
		// The writer's own "-1" heading comes after the generated one, so it yields.
		{ID: "как-сбросить-пароль-1-1", Title: "Как сбросить пароль-1", Level: 2, Line: 24, Text: "Третий."},
		{ID: "вход-через-google-и-почту", Title: "Вход через Google и почту", Level: 2, Line: 28},
		{ID: "section", Title: "", Level: 2, Line: 30, Text: "Пусто."},
		{ID: "setext-тоже-раздел", Title: "Setext тоже раздел", Level: 2, Line: 34, Text: "Текст.\nHeading in a list is not a section"},
	}
	if !reflect.DeepEqual(a.Sections, want) {
		t.Errorf("sections:\n%s\nwant:\n%s", dumpSections(a.Sections), dumpSections(want))
	}
	if want := "Вводный абзац.\nЗаголовок страницы"; a.Lead != want {
		t.Errorf("Lead = %q, want %q", a.Lead, want)
	}

	// Every heading has an id in the HTML, h2/h3 ids are the section ids,
	// and none repeats.
	var sectionIDs, seen = []string{}, map[string]bool{}
	for _, m := range headingIDRe.FindAllStringSubmatch(a.HTML, -1) {
		if seen[m[2]] {
			t.Errorf("id %q repeats in HTML", m[2])
		}
		seen[m[2]] = true
		if m[1] == "2" || m[1] == "3" {
			sectionIDs = append(sectionIDs, m[2])
		}
	}
	// The last h2 sits in a list item: an id, but no section.
	if got, wantIDs := sectionIDs[:len(sectionIDs)-1], idsOf(want); !reflect.DeepEqual(got, wantIDs) {
		t.Errorf("HTML h2/h3 ids = %q, want %q", got, wantIDs)
	}
	for _, id := range []string{"заголовок-страницы", "мелкая-деталь", "heading-in-a-list-is-not-a-section"} {
		if !seen[id] {
			t.Errorf("HTML lacks heading id %q:\n%s", id, a.HTML)
		}
	}
}

func idsOf(ss []spravka.Section) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, s.ID)
	}
	return ids
}

func dumpSections(ss []spravka.Section) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(strings.Repeat("#", s.Level) + " " + s.Title + " {#" + s.ID + "} line " + strconv.Itoa(s.Line) + "\n" + s.Text + "\n")
	}
	return b.String()
}

func TestPlainText(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"paragraphs and soft breaks",
			"Первая строка\nпродолжение.\n\nВторой   абзац.\n",
			"Первая строка продолжение.\nВторой абзац."},
		{"hard break",
			"строка  \nследующая\n",
			"строка\nследующая"},
		{"emphasis, links, code spans",
			"Нажмите **Сохранить** в [настройках](s.md) и введите `sudo apt update`.\n",
			"Нажмите Сохранить в настройках и введите sudo apt update."},
		{"lists, nested and loose",
			"1. Один\n2. Два\n   - вложенный\n   - ещё\n\n- свободный\n\n  второй абзац\n",
			"Один\nДва\nвложенный\nещё\nсвободный\nвторой абзац"},
		{"task list",
			"- [x] сделано\n- [ ] не сделано\n",
			"сделано\nне сделано"},
		{"table: one row per line, cells split by tabs",
			"| Сумма | Кто |\n|---|---|\n| до 100 | агент |\n| | пусто слева |\n",
			"Сумма\tКто\nдо 100\tагент\n\tпусто слева"},
		{"fenced code keeps its lines, apart from prose",
			"Выполните:\n\n```sh\nspravka index --full\n  spravka serve\n```\nГотово.\n",
			"Выполните:\nГотово.\n[code]\nspravka index --full\nspravka serve"},
		{"indented code",
			"Код:\n\n    a := 1\n    b := 2\n",
			"Код:\n[code]\na := 1\nb := 2"},
		{"a command on its own line is code; a code span in prose is prose",
			"- Создать архив:\n\n`tar czf {{архив.tar.gz}} {{файл}}`\n\nНажмите `Сохранить`.\n",
			"Создать архив:\nНажмите Сохранить.\n[code]\ntar czf {{архив.tar.gz}} {{файл}}"},
		{"blockquote",
			"> Внимание: это\n> важно.\n\nдальше\n",
			"Внимание: это важно.\nдальше"},
		{"definition list",
			"Счёт\n: Документ на оплату.\n",
			"Счёт\nДокумент на оплату."},
		{"footnotes: no numbers, note text kept",
			"Текст[^1] дальше.\n\n[^1]: Сноска.\n",
			"Текст дальше.\nСноска."},
		{"raw HTML dropped, words kept apart",
			"Нажмите <kbd>Ctrl</kbd>+<kbd>C</kbd><br>потом\n\n<div>\nблок\n</div>\n",
			"Нажмите Ctrl + C потом"},
		{"images: alt text",
			"![Экран входа](login.png)\n",
			"Экран входа"},
		{"autolinks",
			"Пишите на help@example.com или <https://example.com/x>.\n",
			"Пишите на help@example.com или https://example.com/x."},
		{"strikethrough, escapes, entities",
			"~~старое~~ \\*новое\\* &laquo;A&nbsp;&amp;&#32;B&raquo; `\\*raw&amp;`\n",
			"старое *новое* «A & B» \\*raw&amp;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parse(t, tt.body, Options{})
			got := a.Lead
			if a.LeadCode != "" {
				got += "\n[code]\n" + a.LeadCode
			}
			if got != tt.want {
				t.Errorf("text = %q\nwant   %q", got, tt.want)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	body := `See [reset](reset-password.ru.md#шаги) and
![screen](img/screen.png "Screen").

[ref link][r] and https://example.com and <mailto:a@b.c>.

## [Heading link](../billing/refund.ru.md)

[r]: https://example.com/ref
`
	a := parse(t, body, Options{})
	want := []spravka.Link{
		{Dest: "reset-password.ru.md#шаги", Line: 4},
		{Dest: "img/screen.png", Image: true, Line: 5},
		{Dest: "https://example.com/ref", Line: 7},
		{Dest: "https://example.com", Line: 7},
		{Dest: "mailto:a@b.c", Line: 7},
		{Dest: "../billing/refund.ru.md", Line: 9},
	}
	if !reflect.DeepEqual(a.Links, want) {
		t.Errorf("Links = %+v\nwant    %+v", a.Links, want)
	}
	// ParseArticle alone cannot know other articles' URLs.
	if !strings.Contains(a.HTML, `href="reset-password.ru.md#%D1%88%D0%B0%D0%B3%D0%B8"`) {
		t.Errorf("relative link rewritten without a corpus:\n%s", a.HTML)
	}
}

func TestRawHTML(t *testing.T) {
	body := "<div class=\"note\">Заметка</div>\n\nТекст <span>внутри</span>.\n"
	safe := parse(t, body, Options{}).HTML
	if strings.Contains(safe, "<div") || strings.Contains(safe, "<span>") || !strings.Contains(safe, "<!-- raw HTML omitted -->") {
		t.Errorf("raw HTML rendered by default:\n%s", safe)
	}
	unsafe := parse(t, body, Options{UnsafeHTML: true}).HTML
	if !strings.Contains(unsafe, `<div class="note">Заметка</div>`) || !strings.Contains(unsafe, "<span>внутри</span>") {
		t.Errorf("raw HTML not rendered with UnsafeHTML:\n%s", unsafe)
	}
}
