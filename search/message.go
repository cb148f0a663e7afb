package search

import (
	"strings"
	"unicode"

	"github.com/spravka/spravka"
)

// A customer's message, as an agent pastes it, carries more than its
// question: a greeting, the order number and the amount, quoted earlier
// replies, a signature with a phone number. Those words are rare in a help
// center, so left in they would pick the candidates (the ranker trusts
// rare words); suggest ranks by the message's topic only (README "Agents
// and suggest"). Language detection still reads the whole message.

// messageBody returns the customer's own text of a message: without quoted
// earlier replies ("> " lines, and everything from an "On … wrote:" or
// "… написал:" header or an "-----Original Message-----" line on), without
// a signature (from a "-- " line, or a sign-off line such as "С уважением,"
// followed by only a short block of name, phone and company), and without
// a greeting line ("Здравствуйте, Мария!"). A message longer than the API
// accepts is read up to that length.
func messageBody(text string) string {
	text = cutRunes(text, spravka.MaxSuggestRunes)
	lines := strings.Split(text, "\n")
	keep := make([]string, 0, len(lines))
	for i, line := range lines {
		t := strings.TrimSpace(line)
		low := foldWord(t)
		switch {
		case t == "--" || strings.HasPrefix(line, "-- ") && strings.TrimSpace(line[3:]) == "":
			return strings.Join(keep, "\n")
		case strings.HasPrefix(t, ">"):
			continue
		case isQuoteHeader(low, lines[i+1:]):
			// "On Mon, 3 Mar 2026, Ivan" wrapped before "<ivan@x.com> wrote:"
			if n := len(keep); n > 0 && !strings.HasPrefix(low, "on ") && isReplyStart(keep[n-1]) {
				keep = keep[:n-1]
			}
			return strings.Join(keep, "\n")
		case isSignOff(low) && shortTail(lines[i+1:]):
			return strings.Join(keep, "\n")
		case isGreetingLine(low):
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, "\n")
}

// quoteEnds end the header line of a quoted reply, in the four languages.
var quoteEnds = []string{"wrote:", "написал:", "написала:", "написал(а):", "пишет:", "написав:",
	"написав(ла):", "пише:", "написа:"}

// isQuoteHeader reports whether a (folded) line starts quoted history:
// a reply header, an "Original Message" rule, an Outlook "From:" block, or a
// mail client's "date, name <address>:" line.
func isQuoteHeader(low string, rest []string) bool {
	for _, end := range quoteEnds {
		if strings.HasSuffix(low, end) {
			return true
		}
	}
	// "-----Original Message-----", "-----Исходное сообщение-----"; and
	// Outlook on the web's rule of underscores. A bare "-----" is a
	// customer's own separator.
	if strings.HasPrefix(low, "-----") && strings.IndexFunc(low, unicode.IsLetter) > 0 ||
		len(low) >= 10 && strings.Trim(low, "_") == "" {
		return true
	}
	if strings.HasSuffix(low, ">:") && strings.Contains(low, "@") {
		return true
	}
	for _, from := range []string{"from:", "от:", "від:"} {
		if strings.HasPrefix(low, from) && len(rest) > 0 {
			next := foldWord(strings.TrimSpace(rest[0]))
			for _, h := range []string{"sent:", "date:", "to:", "отправлено:", "дата:", "кому:", "надіслано:",
				"изпратено:"} {
				if strings.HasPrefix(next, h) {
					return true
				}
			}
		}
	}
	return false
}

func isReplyStart(line string) bool {
	return strings.HasPrefix(foldWord(strings.TrimSpace(line)), "on ")
}

// isSignOff reports whether a folded line is a sign-off: it starts with one
// and what follows (a name) is at most four words without a question.
func isSignOff(low string) bool {
	words := lineWords(low)
	n := signOffs.longest(words)
	return n > 0 && len(words)-n <= 4 && !strings.Contains(low, "?")
}

// isGreetingLine reports whether a folded line is only a greeting and a
// name: "Здравствуйте, Мария!", "Hi team,".
func isGreetingLine(low string) bool {
	words := lineWords(low)
	n := formulas.longest(words)
	return n > 0 && len(words)-n <= 2 && !strings.Contains(low, "?")
}

// lineWords returns the words of a folded line as topicText reads them.
func lineWords(low string) []string {
	var out []string
	for f := range strings.FieldsSeq(low) {
		if w := strings.TrimFunc(f, notWordRune); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// shortTail reports whether the lines after a sign-off are a signature:
// at most six non-empty lines of at most six words, none a question.
func shortTail(lines []string) bool {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n++; n > 6 || len(strings.Fields(l)) > 6 || strings.Contains(l, "?") {
			return false
		}
	}
	return true
}

// cutRunes returns the first n runes of s.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
