package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// word is a word of a text with its byte span and the query slot it matches.
type word struct {
	from, to int // byte offsets
	rfrom    int // rune offset of from
	slot     int // -1 when it matches nothing
}

// snippet returns about maxRunes runes of section sec of a (the lead when
// sec is -1) around the densest group of query words, HTML-escaped, with
// the matches in <mark> and white space folded. The words and their
// spans come from the analysis made at index time (rankDoc), so a
// snippet costs no analysis.
func (e *Engine) snippet(s *scorer, a *spravka.Article, rd *rankDoc, sec, maxRunes int) string {
	text, from, to := snippetSource(a, rd, sec)
	if strings.TrimSpace(text) == "" {
		return ""
	}
	ws := e.tokenWords(s, rd, text, from, to)
	return foldSpace(snippetOf(s, text, ws, maxRunes))
}

// snippetSource returns the text a snippet of section sec is cut from and
// the range of its terms in rd.stems[rfBody]: the section's text, or for
// the lead, the lead, else the summary, else the first section.
func snippetSource(a *spravka.Article, rd *rankDoc, sec int) (string, int, int) {
	if sec < 0 {
		bodyFrom, bodyTo, _, _ := rd.sectionSpan(-1)
		switch {
		case a.Lead != "":
			return a.Lead, int(rd.leadStart), bodyTo
		case a.Summary != "":
			return a.Summary, bodyFrom, int(rd.leadStart)
		case len(a.Sections) > 0:
			sec = 0
		default:
			return "", 0, 0
		}
	}
	bodyFrom, bodyTo, _, _ := rd.sectionSpan(sec)
	return a.Sections[sec].Text, bodyFrom, bodyTo
}

// tokenWords returns the words of text from its index-time terms
// rd.stems[rfBody][from:to], each with the query slot it matches. A part
// stacked on a word ("json" of "package.json") marks the whole word.
func (e *Engine) tokenWords(s *scorer, rd *rankDoc, text string, from, to int) []word {
	out := make([]word, 0, to-from)
	parts := rd.parts[rfBody]
	runes, last := 0, 0
	for k := from; k < to && k < len(rd.bodyStart); k++ {
		for len(parts) > 0 && int(parts[0]) < k {
			parts = parts[1:]
		}
		stacked := len(parts) > 0 && int(parts[0]) == k
		slot := -1
		id := rd.stems[rfBody][k]
		if i, ok := s.stemS.get(id); ok {
			slot = i
		} else if i, ok := s.altS.get(id); ok {
			slot = i
		}
		if stacked {
			if len(out) > 0 && out[len(out)-1].slot < 0 {
				out[len(out)-1].slot = slot
			}
			continue
		}
		start := int(rd.bodyStart[k])
		end := start + int(rd.bodyLen[k])
		if start < last || end > len(text) {
			continue // never expected: terms come in order, inside the text
		}
		if slot < 0 && s.fuzS.len() > 0 {
			if id, ok := e.dict.lookup(strings.ToLower(text[start:end])); ok {
				if i, ok := s.fuzS.get(id); ok {
					slot = i
				}
			}
		}
		runes += utf8.RuneCountInString(text[last:start])
		last = start
		out = append(out, word{from: start, to: end, rfrom: runes, slot: slot})
	}
	return out
}

// foldSpace folds every run of white space into one space: a snippet is
// one line, whatever the line breaks of the section (<mark> holds none).
func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// snippetOf cuts about maxRunes runes of text around the best window of
// the words ws and marks the matches.
func snippetOf(s *scorer, text string, ws []word, maxRunes int) string {
	start := bestWindow(s, ws, maxRunes)
	from := 0
	if start > 0 {
		from = ws[start].from
	}
	to := len(text)
	for i := start; i < len(ws); i++ {
		if ws[i].rfrom-ws[start].rfrom+utf8.RuneCountInString(text[ws[i].from:ws[i].to]) > maxRunes {
			to = ws[max(i-1, start)].to
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
