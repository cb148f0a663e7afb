package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a word of a text with its byte span and the query slot it matches.
type word struct {
	from, to int // byte offsets
	rfrom    int // rune offset of from
	slot     int // -1 when it matches nothing
}

// snippet returns about maxRunes runes of text around the densest group of
// query words, HTML-escaped, with the matches in <mark>.
func (e *Engine) snippet(s *scorer, lang, text string, maxRunes int) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	ws := e.matchWords(s, lang, text)
	start := bestWindow(s, ws, maxRunes)
	from := 0
	if start > 0 {
		from = ws[start].from
	}
	to := len(text)
	for i := start; i < len(ws); i++ {
		if ws[i].rfrom-ws[start].rfrom+utf8.RuneCountInString(text[ws[i].from:ws[i].to]) > maxRunes {
			to = ws[i-1].to
			break
		}
	}
	out := markWords(text, ws, from, to)
	if from > 0 {
		out = "… " + out
	}
	if to < len(text) {
		out += " …"
	}
	return out
}

// bestWindow returns the index of the word to start the snippet at: the
// window of maxRunes with the most distinct query weight, started a little
// before its first match so the reader gets context.
func bestWindow(s *scorer, ws []word, maxRunes int) int {
	best, bestScore := 0, 0.0
	for i, w := range ws {
		if w.slot < 0 {
			continue
		}
		seen := map[int]bool{}
		var score float64
		for j := i; j < len(ws) && ws[j].rfrom-w.rfrom < maxRunes*3/4; j++ {
			if k := ws[j].slot; k >= 0 && !seen[k] {
				seen[k] = true
				score += s.q.slots[k].idf
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	// Back up a few words for context, unless that reaches the start anyway.
	ctxStart := best
	for ctxStart > 0 && ws[best].rfrom-ws[ctxStart-1].rfrom < maxRunes/5 {
		ctxStart--
	}
	return ctxStart
}

// words splits text into all its words (letters, digits and inner
// apostrophes), stop words included, for cutting a text at word bounds;
// the slots come from matchWords, the one place that matches words.
func (e *Engine) words(s *scorer, lang, text string) []word {
	slotAt := map[int]int{}
	for _, w := range e.matchWords(s, lang, text) {
		if w.slot >= 0 {
			slotAt[w.from] = w.slot
		}
	}
	var out []word
	runes := 0
	inWord, from, rfrom := false, 0, 0
	flush := func(to int) {
		k, ok := slotAt[from]
		if !ok {
			k = -1
		}
		out = append(out, word{from: from, to: to, rfrom: rfrom, slot: k})
	}
	for i, r := range text {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			(inWord && isApostrophe(r) && i+utf8.RuneLen(r) < len(text) && nextIsLetter(text[i+utf8.RuneLen(r):]))
		switch {
		case isWord && !inWord:
			inWord, from, rfrom = true, i, runes
		case !isWord && inWord:
			inWord = false
			flush(i)
		}
		runes++
	}
	if inWord {
		flush(len(text))
	}
	return out
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘'
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
