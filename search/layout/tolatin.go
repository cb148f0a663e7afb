package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ToLatin returns s as it would read had the US QWERTY layout been active
// while the user typed on layout l: every Cyrillic letter of l becomes the
// character of its key, keeping case. Everything else is kept, including
// "." and ",", which on a Cyrillic layout the user typed as punctuation.
// In Ukrainian the apostrophe (', ’ or ʼ) between two Cyrillic letters
// becomes "`", the key it is typed with; elsewhere it is punctuation.
func ToLatin(s string, l Layout) string {
	t := tableFor(l)
	if t == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevCyr := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isApostrophe(r) && t.layout == Ukrainian:
			nr, _ := utf8.DecodeRuneInString(s[i+size:])
			if prevCyr && isCyrillicLetter(nr) {
				b.WriteByte(t.lat['\''])
			} else {
				b.WriteRune(r)
			}
		case r >= utf8.RuneSelf && t.lat[r] != 0:
			b.WriteByte(t.lat[r])
		default:
			b.WriteRune(r)
		}
		prevCyr = isCyrillicLetter(r)
		i += size
	}
	return b.String()
}

func isCyrillicLetter(r rune) bool { return unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r) }

// isApostrophe reports the apostrophes Ukrainian text uses inside words:
// the ASCII one, the typographic ’ and the modifier letter ʼ.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }
