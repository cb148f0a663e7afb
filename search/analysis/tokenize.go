package analysis

import (
	"unicode"
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// maxMarkedRunes bounds the letters inside one bracket mark: mnemonics mark
// a key ("E[x]tract", "[a]dd"), optional-letter notation a plural or a
// prefix ("[re]install"); anything longer is a real bracketed word.
const maxMarkedRunes = 3

// markTokenizer wraps the UAX#29 tokenizer, rejoins words that inline
// bracket marks split: documentation marks a command's option letters in
// the word that names them ("E[x]tract", "[l]ist", "g[z]ipped") and optional
// letters likewise ("[un]install"). UAX#29 breaks at every bracket, so
// "E[x]tract" would be indexed as "e", "x", "tract" and never match
// "extract". A mark is rejoined only when a word continues right after the
// closing bracket: "arr[i]" in code and "[1]" footnote references keep their
// tokens, "[x] done" checkboxes and "[text](url)" links are untouched.
// It then stacks the parts of dotted and snake_case names on them
// (splitParts).
type markTokenizer struct{ inner bleveanalysis.Tokenizer }

func (t markTokenizer) Tokenize(input []byte) bleveanalysis.TokenStream {
	ts := t.inner.Tokenize(input)
	out := ts[:0] // out never overtakes i, so reading ahead in ts is safe
	for i := 0; i < len(ts); i++ {
		tok := ts[i]
		// "[x]word": the mark begins the word.
		if isMark(input, tok) && opensWord(input, tok) && i+1 < len(ts) && glued(input, tok, ts[i+1], ']') {
			tok = joinTokens(input, tok, ts[i+1])
			i++
		}
		// "w[x]ord", possibly more than once ("g[z]i[p]ped").
		for i+2 < len(ts) && isMark(input, ts[i+1]) && glued(input, tok, ts[i+1], '[') && glued(input, ts[i+1], ts[i+2], ']') {
			tok = joinTokens(input, tok, ts[i+2])
			i += 2
		}
		out = append(out, tok)
	}
	for p, tok := range out {
		tok.Position = p + 1
	}
	return splitParts(out)
}

// opensWord reports whether tok directly follows a "[" that does not itself
// follow a letter or digit: the mark stands at the start of a word.
func opensWord(input []byte, tok *bleveanalysis.Token) bool {
	if tok.Start < 1 || input[tok.Start-1] != '[' {
		return false
	}
	r, _ := utf8.DecodeLastRune(input[:tok.Start-1])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// isMark reports whether tok is a short run of letters, the only content a
// bracket mark has.
func isMark(input []byte, tok *bleveanalysis.Token) bool {
	n := 0
	for _, r := range string(input[tok.Start:tok.End]) {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n > 0 && n <= maxMarkedRunes
}

// glued reports whether b follows a with exactly the one bracket c between
// them, and both sides of it are letters.
func glued(input []byte, a, b *bleveanalysis.Token, c byte) bool {
	if b.Start != a.End+1 || input[a.End] != c {
		return false
	}
	last, _ := utf8.DecodeLastRune(input[a.Start:a.End])
	first, _ := utf8.DecodeRune(input[b.Start:b.End])
	return unicode.IsLetter(last) && unicode.IsLetter(first)
}

// joinTokens returns one token spanning a to b whose term is the letters of
// the source text between them with the brackets left out.
func joinTokens(input []byte, a, b *bleveanalysis.Token) *bleveanalysis.Token {
	term := make([]byte, 0, b.End-a.Start)
	for _, c := range input[a.Start:b.End] {
		if c != '[' && c != ']' {
			term = append(term, c)
		}
	}
	return &bleveanalysis.Token{Start: a.Start, End: b.End, Term: term, Position: a.Position, Type: a.Type}
}

// splitParts adds the parts of a token joined by dots or underscores
// between letters ("file.txt", "docs.example.com", "max_retries",
// "шлях_до_файлу") after it, at its position. UAX#29 keeps such runs as
// one word (rules WB6/WB7 and ExtendNumLet), but in file, host and
// identifier names each part is a word of its own: the extension names the
// format a user asks about ("json"), the identifier the setting ("retries").
// The whole token stays, so a query naming the very file ("package.json")
// still prefers it; sharing its position, the parts do not make the text
// longer for BM25 (the ranker counts positions, not tokens) and the ranker
// weighs them as less than a word of their own (Ranking.Part).
func splitParts(ts bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	var out bleveanalysis.TokenStream
	for i, tok := range ts {
		cuts := partCuts(tok.Term)
		if cuts == nil {
			if out != nil {
				out = append(out, tok)
			}
			continue
		}
		if out == nil {
			out = append(make(bleveanalysis.TokenStream, 0, len(ts)+4), ts[:i]...)
		}
		out = append(out, tok)
		start := 0
		for _, c := range append(cuts, len(tok.Term)) {
			out = append(out, &bleveanalysis.Token{Start: tok.Start + start, End: tok.Start + c,
				Term: tok.Term[start:c:c], Position: tok.Position, Type: tok.Type})
			start = c + 1
		}
	}
	if out == nil {
		return ts
	}
	return out
}

// partCuts returns the offsets of the dots and underscores in term that
// stand between two letters; nil when there are none.
func partCuts(term []byte) []int {
	var cuts []int
	for j := 1; j+1 < len(term); j++ {
		if term[j] != '.' && term[j] != '_' {
			continue
		}
		before, _ := utf8.DecodeLastRune(term[:j])
		after, _ := utf8.DecodeRune(term[j+1:])
		if unicode.IsLetter(before) && unicode.IsLetter(after) {
			cuts = append(cuts, j)
		}
	}
	return cuts
}
