package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// topicText returns text without what carries no topic: numbers, amounts,
// dates, order and contract ids with their labels, e-mail addresses,
// URLs, phone numbers, greetings, thanks and sign-offs. What is left is
// the text's own chunks, in order, joined by spaces. It reads every chunk
// a bounded number of times, so its cost is linear in the text.
func topicText(text string) string {
	toks := messageTokens(text)
	drop := make([]bool, len(toks))
	for i, t := range toks {
		drop[i] = t.kind == tokAddress || t.kind == tokNumber || t.kind == tokID
	}
	for i, t := range toks {
		if t.kind == tokNumber || t.kind == tokID {
			dropAroundNumber(toks, drop, i)
		}
	}
	dropFormulas(toks, drop)
	var b strings.Builder
	for i, t := range toks {
		if drop[i] || t.kind == tokPunct {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.raw)
	}
	return b.String()
}

// tokKind classifies a whitespace-separated chunk of a message.
type tokKind uint8

const (
	tokWord    tokKind = iota // letters, with digits only as in "2FA", "1С", "MT940"
	tokPunct                  // no letters or digits
	tokNumber                 // digits and separators: 11 880, 1.200,00, 12.03.2026, +7
	tokID                     // an id or a number with letters: #A-1234, INV-2024-001, 3rd
	tokAddress                // an e-mail address or a URL
)

// msgToken is one chunk of a message: raw as written, word its letters and
// digits folded (foldWord), without the punctuation around them.
type msgToken struct {
	raw, word string
	kind      tokKind
}

func messageTokens(text string) []msgToken {
	var out []msgToken
	for raw := range strings.FieldsSeq(text) {
		core := strings.TrimFunc(raw, notWordRune)
		t := msgToken{raw: raw, word: foldWord(core), kind: classify(raw, core)}
		out = append(out, t)
	}
	return out
}

// classify tells what a chunk is from its raw form and its core (the raw
// form without the punctuation around it).
func classify(raw, core string) tokKind {
	if core == "" {
		return tokPunct
	}
	if strings.Contains(core, "@") || strings.Contains(raw, "://") || strings.HasPrefix(core, "www.") || isDomain(core) {
		return tokAddress
	}
	letters, digits := 0, 0
	for _, r := range core {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	switch {
	case digits == 0:
		return tokWord
	case letters == 0:
		return tokNumber
	case strings.ContainsAny(raw, "#№") || digits >= 4 || isOrdinal(core):
		return tokID
	}
	return tokWord
}

// isOrdinal reports whether a chunk is a number with a suffix: 3rd, 12-го, 100р.
func isOrdinal(core string) bool {
	i := strings.IndexFunc(core, func(r rune) bool { return !unicode.IsDigit(r) })
	if i <= 0 {
		return false
	}
	return ordinalSuffixes[foldWord(strings.TrimLeft(core[i:], "-"))]
}

// isDomain reports whether an ASCII chunk looks like a host name
// (schetovod.app, mail.example.com): labels joined by dots, the last of
// two to six letters.
func isDomain(core string) bool {
	dot := strings.LastIndexByte(core, '.')
	if dot < 2 {
		return false
	}
	tld := core[dot+1:]
	if len(tld) < 2 || len(tld) > 6 {
		return false
	}
	for _, r := range tld {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	for _, r := range core[:dot] {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
			return false
		}
	}
	return true
}

// dropAroundNumber drops the words that belong to the number at i: the
// numbers joined to it ("12 и 13"), its units and date words after it
// ("рублей", "числа", "марта"), and before it a currency or month ("EUR
// 50", "March 3rd") or the label of an id ("номер договора").
func dropAroundNumber(toks []msgToken, drop []bool, i int) {
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.kind == tokNumber || t.kind == tokID || t.kind == tokPunct:
		case numberUnits[t.word]:
		case numberJoins[t.word] && (isNumberAt(toks, j+1) || j+1 < len(toks) && numberUnits[toks[j+1].word] && isNumberAt(toks, j+2)):
		default:
			j = len(toks)
			continue
		}
		drop[j] = true
	}
	for j, n := i-1, 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		t := toks[j]
		if !(t.kind == tokPunct || numberUnits[t.word] || idLabels[t.word] || idGlue[t.word]) {
			break
		}
		drop[j] = true
	}
}

func isNumberAt(toks []msgToken, i int) bool {
	return i < len(toks) && (toks[i].kind == tokNumber || toks[i].kind == tokID)
}

// dropFormulas drops greetings, thanks and sign-offs.
func dropFormulas(toks []msgToken, drop []bool) {
	words := make([]string, 0, 8)
	for i := 0; i < len(toks); i++ {
		words = words[:0]
		for j := i; j < len(toks) && len(words) < cap(words); j++ {
			words = append(words, toks[j].word)
		}
		n := formulas.longest(words)
		for j := i; j < i+n; j++ {
			drop[j] = true
		}
		i += max(n-1, 0)
	}
}

// foldWord lowercases a word and writes ё as е and every apostrophe as
// ', so that formulas match however they were typed.
func foldWord(w string) string {
	plain := true
	for _, r := range w {
		if r >= utf8.RuneSelf || unicode.IsUpper(r) {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	return strings.Map(func(r rune) rune {
		switch r = unicode.ToLower(r); r {
		case 'ё':
			return 'е'
		case '’', 'ʼ', '`', '‘':
			return '\''
		}
		return r
	}, w)
}
