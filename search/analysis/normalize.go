package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/segment"
	"golang.org/x/text/unicode/norm"
)

// Apostrophe is the one apostrophe form the index holds. Every variant
// (’ ʼ ‘ ` ʹ ＇) is rewritten to it. U+0027 was chosen because it is what
// users type, because the UAX#29 tokenizer keeps it inside a word when it
// stands between letters (rule WB6/WB7, so м'який stays one token while
// quotes around a word still separate), and because bleve's English
// possessive filter recognises it.
const Apostrophe = '\''

// wordJoiner is U+2060, which UAX#29 treats as Format and therefore ignores
// inside a word. The char filter writes it over a zero-width space so that
// the tokenizer does not split "пара\u200bметр"; the token filter then
// removes it like any other invisible character.
const wordJoiner = '\u2060'

// isInvisible reports the characters that are dropped from every term:
// soft hyphen, zero-width space / non-joiner / joiner, word joiner and the
// byte-order mark. They come from copy-pasted or hyphenated text and would
// otherwise make two spellings of one word different terms.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// isApostrophe reports the apostrophe variants that are unified to
// Apostrophe. Ukrainian writes the same word with any of them.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u02bc', '`', '\u2018', '\u02b9', '\uff07':
		return true
	}
	return false
}

// mapChars is the character-level part of normalisation that must happen
// before tokenisation, because UAX#29 breaks words at the backtick and at
// U+200B. Both replacements keep the byte length (` and ' are one byte,
// U+200B and U+2060 are three), so token offsets still point into the
// original text and highlighting stays correct.
func mapChars(in []byte) []byte {
	var out []byte
	for i := 0; i < len(in); {
		c := in[i]
		switch {
		case c == '`':
			out = ensureCopy(out, in)
			out[i] = Apostrophe
			i++
		case c == 0xe2 && i+2 < len(in) && in[i+1] == 0x80 && in[i+2] == 0x8b: // U+200B
			out = ensureCopy(out, in)
			utf8.EncodeRune(out[i:], wordJoiner)
			i += 3
		default:
			i++
		}
	}
	if out == nil {
		return in
	}
	return out
}

func ensureCopy(out, in []byte) []byte {
	if out != nil {
		return out
	}
	return append([]byte(nil), in...)
}

// normalizeTerm applies the term-level rules to one token: invisible
// characters dropped, apostrophes unified, lower case, NFC, ё→е, Latin
// look-alikes folded inside Cyrillic words, and apostrophes trimmed from
// the ends (ʼ is a letter for UAX#29, so a stray one can lead a token).
// It returns "" when nothing of the token is left.
func normalizeTerm(s string) string {
	if isPlainLower(s) {
		return s
	}
	s = normalizeRun(s)
	s = foldMixedScript(s)
	return strings.Trim(s, string(Apostrophe))
}

// normalizeRun is normalizeTerm without the word-level rules (look-alike
// folding and apostrophe trimming), for the text between words.
func normalizeRun(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isInvisible(r):
		case isApostrophe(r):
			b.WriteRune(Apostrophe)
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return afterNFC(norm.NFC.String(b.String()))
}

// afterNFC applies the rules that must see composed text. NFC maps a few
// characters onto apostrophe variants (the Greek numeral sign U+0374 onto
// U+02B9, the varia U+1FEF onto the backtick), which then need unifying
// too. ё and Ё only exist composed, so their fold comes last; е may then
// compose with a following mark (ё̀ → ѐ, ё̈ → ё again), so the fold repeats
// until none is left, each round using up a mark.
func afterNFC(s string) string {
	if strings.ContainsFunc(s, isVariantApostrophe) {
		s = strings.Map(unifyApostrophe, s)
	}
	for strings.Contains(s, "ё") {
		if s = strings.ReplaceAll(s, "ё", "е"); !norm.NFC.IsNormalString(s) {
			s = norm.NFC.String(s)
		}
	}
	return s
}

func isVariantApostrophe(r rune) bool { return r != Apostrophe && isApostrophe(r) }

func unifyApostrophe(r rune) rune {
	if isApostrophe(r) {
		return Apostrophe
	}
	return r
}

// isPlainLower is the fast path: ASCII without upper case, backticks or
// other characters any rule could change.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' {
			return false
		}
	}
	return !strings.HasPrefix(s, "'") && !strings.HasSuffix(s, "'")
}

// Normalize applies to free text the same normalisation the analyzers apply
// to their tokens, so the query side can compare user input, snippets and
// stored terms: the text is split into UAX#29 words exactly as the
// tokenizer splits it, words get the full term normalisation and the text
// between them the character-level part. Punctuation and spacing are kept.
func Normalize(s string) string {
	in := mapChars([]byte(s))
	var b strings.Builder
	b.Grow(len(in))
	seg := segment.NewWordSegmenterDirect(in)
	for seg.Segment() {
		part := string(seg.Bytes())
		if seg.Type() == segment.None {
			b.WriteString(normalizeRun(part))
		} else {
			b.WriteString(normalizeTerm(part))
		}
	}
	return b.String()
}
