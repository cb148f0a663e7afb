package langid

import (
	"strings"
	"unicode/utf8"
)

type script uint8

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
)

// word is one lower-cased word of the input and the script most of its
// letters are in.
type word struct {
	text   string
	script script
	// brand is set for a Latin word written like a name (iPhone, Visa,
	// QuickBooks): inside Cyrillic text such words are names, not English.
	brand bool
	// capital is set for a word that starts with a capital letter.
	capital bool
}

// forEachWord calls fn with each word of text. A word is a run of letters;
// an apostrophe or hyphen between two letters joins them (Ukrainian
// м'ясо, Bulgarian току-що, English don't), so that the parts of a
// compound are not mistaken for function words. In Cyrillic words every
// apostrophe variant becomes "'", because Ukrainian spelling uses it as a
// letter; in Latin words apostrophes are dropped (don't → dont).
func forEachWord(text string, fn func(word)) {
	start := -1
	for i := 0; i <= len(text); {
		r, size := utf8.RuneError, 1
		if i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isLetter(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && isJoiner(r) && i+size < len(text) && startsWithLetter(text[i+size:]):
			// part of the word
		default:
			if start >= 0 {
				fn(makeWord(text[start:i]))
				start = -1
			}
		}
		i += size
	}
}

func isJoiner(r rune) bool { return r == '-' || isApostrophe(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' }

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isLetter(r)
}

// makeWord classifies and normalises one raw word. It allocates only when
// the word needs changing (capitals, apostrophes), which in customer
// messages is the exception.
func makeWord(raw string) word {
	var latin, cyr, upper int
	apostrophe := false
	for _, r := range raw {
		switch {
		case r < utf8.RuneSelf && isLetter(r):
			latin++
		case isCyrillic(r):
			cyr++
		case isApostrophe(r):
			apostrophe = true
		}
		if isUpper(r) {
			upper++
		}
	}
	first, _ := utf8.DecodeRuneInString(raw)
	w := word{text: raw, capital: isUpper(first)}
	switch {
	case cyr > latin:
		w.script = scriptCyrillic
	case latin > 0:
		w.script = scriptLatin
		// Any capital (Visa, iPhone, PDF) marks a name. The capital of an
		// English sentence start is not told apart, which only matters
		// in mixed-script text.
		w.brand = upper > 0
	}
	if upper > 0 {
		w.text = strings.ToLower(w.text)
	}
	if apostrophe {
		w.text = strings.Map(func(r rune) rune {
			switch {
			case !isApostrophe(r):
				return r
			case w.script == scriptCyrillic:
				return '\''
			}
			return -1
		}, w.text)
	}
	return w
}
