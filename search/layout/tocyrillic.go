package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ToCyrillic returns s as it would read had layout l been active: every
// character typed on a key that carries a Cyrillic letter in l is replaced
// by that letter, keeping case (Shift). Characters not on the map, digits
// and spaces are kept.
//
// Letters a–z always convert. The punctuation keys that carry letters
// ([ ] ; ' , . ` \ and their shifted forms) are ambiguous: "ghbdtn," may
// be "привет," or "приветб". Within a whitespace-separated token they
// convert before the first letter ("'lbybq" → єдиний) and between letters
// ("gjvj;tn" → поможет). After the last letter:
//   - "," stays: a comma is far more common than a word-final б;
//   - "." stays at a sentence end (end of text, or the next word starts
//     with a capital) and otherwise becomes ю, which ends many verbs
//     ("z yt pyf. gjxtve" → "я не знаю почему");
//   - "'" and "\"" become є/Є in Ukrainian, where є ends many verbs
//     ("ghfw.'" → працює), and stay in Russian, where word-final э is all
//     but nonexistent and a closing quote is likely;
//   - the other keys ([ ] ; : ` and friends) convert: х, ё, ж end words,
//     and those keys are rarely sentence punctuation.
//
// A key that precedes a converted key converts too ("ghfw.'" turns both
// "." and "'"). A token with no letters is kept unless all its keys carry
// letters and none is common punctuation: Ukrainian "]]" is її and "'"
// alone is є ("is").
//
// The rule trades a few letters for intact punctuation: a word ending in
// б before a comma or at the end of the text (щоб, об) loses its б, and a
// final ю at the very end of the text (знаю.) is read as a period.
func ToCyrillic(s string, l Layout) string {
	t := tableFor(l)
	if t == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) * 2)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		t.convertToken(&b, s[i:j], t.sentenceEndsBefore(s[j:]))
		i = j
	}
	return b.String()
}

// convertToken writes the conversion of one whitespace-free token; atEnd
// reports whether a sentence ends right after it.
func (t *table) convertToken(b *strings.Builder, tok string, atEnd bool) {
	first, last := -1, -1
	for k := 0; k < len(tok); k++ {
		if isASCIILetter(tok[k]) {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		if t.isLetterOnlyToken(tok) {
			for k := 0; k < len(tok); k++ {
				b.WriteRune(t.cyr[tok[k]])
			}
		} else {
			b.WriteString(tok)
		}
		return
	}
	// Leading keys convert only while they are contiguous with the word.
	lead := first
	for lead > 0 && t.mapped(tok[lead-1]) {
		lead--
	}
	b.WriteString(tok[:lead])
	for k := lead; k <= last; k++ {
		if c := tok[k]; t.mapped(c) {
			b.WriteRune(t.cyr[c])
		} else {
			b.WriteByte(c)
		}
	}
	// Trailing keys: in the run of mapped keys after the last letter, a
	// key followed by a converting key is inside the word, so everything
	// up to the last key the word-end policy converts is converted.
	end := last + 1
	for end < len(tok) && t.mapped(tok[end]) {
		end++
	}
	upTo := last
	for k := end - 1; k > last; k-- {
		if t.convertsAtWordEnd(tok[k], atEnd) {
			upTo = k
			break
		}
	}
	for k := last + 1; k <= upTo; k++ {
		b.WriteRune(t.cyr[tok[k]])
	}
	b.WriteString(tok[upTo+1:])
}

// mapped reports whether byte c is an ASCII key that carries a letter.
func (t *table) mapped(c byte) bool { return c < utf8.RuneSelf && t.cyr[c] != 0 }

// convertsAtWordEnd applies the word-end policy documented on ToCyrillic.
func (t *table) convertsAtWordEnd(c byte, atEnd bool) bool {
	switch c {
	case ',', '<':
		return false
	case '.', '>':
		return !atEnd
	case '\'', '"':
		return t.layout == Ukrainian
	}
	return true
}

// isLetterOnlyToken reports a token without Latin letters that is still a
// word: all its keys carry letters and none is common punctuation, such as
// Ukrainian "]]" (її) or "'" (є, "is").
func (t *table) isLetterOnlyToken(tok string) bool {
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		if !t.mapped(c) || strings.IndexByte(",.<>;:", c) >= 0 {
			return false
		}
		if (c == '\'' || c == '"') && t.layout != Ukrainian {
			return false // a quote; Russian has no word made of э
		}
	}
	return true
}

// sentenceEndsBefore reports whether rest, the text after a token, starts
// a new sentence: nothing but space follows, or the next word starts with
// a capital (judged after conversion, so "\"nj" counts as Это).
func (t *table) sentenceEndsBefore(rest string) bool {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if r < utf8.RuneSelf && t.mapped(byte(r)) {
		r = t.cyr[r]
	}
	return unicode.IsUpper(r)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
