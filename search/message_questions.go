package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuestions is how many questions of one message suggest answers one by
// one: each costs a ranking, and a customer who asks more than three
// things in one message is better served by the overall list.
const maxQuestions = 3

// splitQuestions returns the questions of a message body as the customer
// wrote them, at most maxQuestions: the items of a numbered list ("1) …
// 2) …"), else the sentences that end with "?", a sentence cut in two
// where "and"/"и"/"і"/"та" joins two question clauses ("…, and what will
// the client see?"). Whether a question has enough words to answer is the
// ranking's to say.
func splitQuestions(body string) []string {
	var out []string
	if items := listItems(body); len(items) >= 2 {
		out = items
	} else {
		for _, s := range sentences(body) {
			if len(out) >= maxQuestions {
				break
			}
			if strings.HasSuffix(s, "?") {
				out = append(out, splitJoined(s, maxQuestions-len(out))...)
			}
		}
	}
	return out[:min(len(out), maxQuestions)]
}

// sentences splits text after ".", "!", "?" and "…" runs followed by
// space, and at line breaks.
func sentences(text string) []string {
	var out []string
	start := 0
	flush := func(end int) {
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	prevEnd := false
	for i, r := range text {
		switch {
		case r == '\n':
			flush(i)
		case unicode.IsSpace(r) && prevEnd:
			flush(i)
		}
		prevEnd = endsSentence(r)
	}
	flush(len(text))
	return out
}

func endsSentence(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// listItems returns the items of a numbered list, one per line ("1. …",
// "2) …") or in a line ("1) … 2) …"), when they are numbered 1, 2, … An
// item is its first sentence up to the end of its line: what follows the
// last item ("Договор № 123. Спасибо!") is not part of it.
func listItems(text string) []string {
	var out, item []string
	next, open := 1, false
	flush := func() {
		if next > 1 {
			out = append(out, strings.Join(item, " "))
		}
	}
	for line := range strings.Lines(text) {
		for i, f := range strings.Fields(line) {
			if n, ok := itemNumber(f, i == 0); ok && n == next {
				flush()
				item, next, open = item[:0], next+1, true
				continue
			}
			if open {
				item = append(item, f)
				last, _ := utf8.DecodeLastRuneInString(f)
				open = !endsSentence(last)
			}
		}
		open = false
	}
	flush()
	return out
}

// itemNumber reads a list marker "1)", "(1)", "1." (the last only at the
// start of a line, where it is not a sentence's number).
func itemNumber(f string, lineStart bool) (int, bool) {
	f = strings.TrimPrefix(f, "(")
	var sep string
	switch {
	case strings.HasSuffix(f, ")"):
		sep = ")"
	case strings.HasSuffix(f, ".") && lineStart:
		sep = "."
	default:
		return 0, false
	}
	d := strings.TrimSuffix(f, sep)
	if len(d) == 0 || len(d) > 2 {
		return 0, false
	}
	n := 0
	for _, r := range d {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// joins start a second question in a sentence; questionWords open one.
var (
	joins         = wordSet("and", "also", "plus", "и", "а", "і", "й", "та", "також", "също")
	questionWords = wordSet(
		"how", "what", "which", "where", "when", "why", "who", "can", "could", "do", "does", "is", "are",
		"will", "would", "should", "как", "что", "где", "когда", "почему", "зачем", "какой", "какая",
		"какие", "куда", "сколько", "можно", "нужно", "кто", "як", "що", "де", "коли", "чому", "навіщо",
		"який", "яка", "які", "куди", "скільки", "можна", "чи", "хто", "какво", "къде", "кога", "защо",
		"кой", "коя", "кое", "кои", "колко", "може", "мога", "трябва")
)

// splitJoined cuts a question sentence where a join opens a second
// question: after a dash or semicolon ("no VAT — and reverse charge…?"),
// or, when the first part is itself a question (has a question word),
// after a comma or before a question word ("how do I fix it and what will
// the client see?"), into at most limit parts. A join after a comma in a statement ("I deleted it,
// and now…?") does not cut. Each part keeps at least two words.
func splitJoined(s string, limit int) []string {
	ws := strings.Fields(s)
	var out []string
	from, asks := 0, false
	for k := 0; k < len(ws)-2 && len(out) < limit-1; k++ {
		w := foldWord(strings.TrimFunc(ws[k], notWordRune))
		if k-from >= 2 && joins[w] {
			prev := ws[k-1]
			dash := strings.HasSuffix(prev, ";") || strings.TrimFunc(prev, unicode.IsPunct) == ""
			clause := strings.HasSuffix(prev, ",") || questionWords[foldWord(strings.TrimFunc(ws[k+1], notWordRune))]
			if dash || asks && clause {
				out = append(out, strings.TrimRightFunc(strings.Join(ws[from:k], " "), isPunctOrSpace))
				from, asks = k, false
				continue
			}
		}
		asks = asks || questionWords[w]
	}
	return append(out, strings.Join(ws[from:], " "))
}

func isPunctOrSpace(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }
