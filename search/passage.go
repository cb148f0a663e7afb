package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is a span of passage text that a cut may start or end at.
type sentence struct {
	from, to int // byte offsets
	runes    int
	slots    []int // distinct query slots matched in the sentence
}

// passage returns the part of text that answers the query best, for an
// agent to paste into a reply: whole sentences, at most maxRunes runes,
// paragraphs kept on their own lines. The window with the most distinct
// query weight wins; it then grows to the start of its paragraph and on
// through the following sentences while they fit, so the reader gets the
// whole instruction rather than the one matching line. marked is the same
// text HTML-escaped, with the matching words in <mark>.
func (e *Engine) passage(s *scorer, lang, text string, maxRunes int) (plain, marked string) {
	text = passageText(text)
	if text == "" {
		return "", ""
	}
	ws := e.matchWords(s, lang, text)
	sents := splitSentences(text, ws)
	from, to := bestSentences(s, text, sents, maxRunes)
	if from == to {
		// One sentence longer than the budget: cut it at words, stop
		// words included.
		return cutLong(s, text, e.words(s, lang, text), sents[from], maxRunes)
	}
	a, b := sents[from].from, sents[to-1].to
	return text[a:b], markWords(text, ws, a, b)
}

// passageText keeps one line per paragraph, list item or table row (as the
// indexer writes them), shows table cells apart, and drops empty lines.
func passageText(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Join(strings.Fields(strings.ReplaceAll(l, "\t", " | ")), " ")
		l = strings.Trim(l, " |")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// splitSentences cuts text at line breaks and after sentence punctuation
// followed by a space. A period after a one-letter word ("e.g.", "т. е.")
// does not end a sentence.
func splitSentences(text string, ws []word) []sentence {
	var out []sentence
	start := 0
	end := func(to int) {
		if strings.TrimSpace(text[start:to]) != "" {
			out = append(out, sentence{from: start, to: to, runes: utf8.RuneCountInString(text[start:to])})
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch {
		case r == '\n':
			end(i)
			start = next
		case strings.ContainsRune(".!?…", r) && next < len(text) && text[next] == ' ' && !afterInitial(text, i):
			end(next)
			start = next + 1
		}
		i = next
	}
	end(len(text))
	k := 0
	for i := range out {
		seen := map[int]bool{}
		for ; k < len(ws) && ws[k].from < out[i].to; k++ {
			if sl := ws[k].slot; sl >= 0 && ws[k].from >= out[i].from && !seen[sl] {
				seen[sl] = true
				out[i].slots = append(out[i].slots, sl)
			}
		}
	}
	return out
}

// afterInitial reports whether the punctuation at i follows a one-letter
// word, as in abbreviations and initials.
func afterInitial(text string, i int) bool {
	r1, n1 := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.IsLetter(r1) {
		return false
	}
	r0, _ := utf8.DecodeLastRuneInString(text[:i-n1])
	return i-n1 == 0 || !unicode.IsLetter(r0)
}

// bestSentences returns the sentences [from, to) of the passage. from == to
// means sentence from alone is longer than maxRunes and answers best.
func bestSentences(s *scorer, text string, sents []sentence, maxRunes int) (from, to int) {
	bestScore, bestLen := -1.0, 0
	longBest, longScore := -1, -1.0
	for i := range sents {
		if sents[i].runes > maxRunes {
			if sc := slotWeight(s, sents[i].slots); sc > longScore {
				longBest, longScore = i, sc
			}
			continue
		}
		seen := map[int]bool{}
		score, runes := 0.0, -1
		for j := i; j < len(sents); j++ {
			runes += sents[j].runes + 1
			if runes > maxRunes {
				break
			}
			for _, sl := range sents[j].slots {
				if !seen[sl] {
					seen[sl] = true
					score += s.q.slots[sl].idf
				}
			}
			// The tightest window with the most query weight; growing it
			// comes after, so a long neighbour never outweighs a match.
			if score > bestScore+1e-9 || (score > 0 && score > bestScore-1e-9 && runes < bestLen) {
				from, to, bestScore, bestLen = i, j+1, score, runes
			}
		}
	}
	if longScore > bestScore {
		return longBest, longBest
	}
	runes := bestLen
	// Start at the paragraph's first sentence when it fits.
	for from > 0 && !startsLine(text, sents[from]) && runes+sents[from-1].runes+1 <= maxRunes {
		from--
		runes += sents[from].runes + 1
	}
	for to < len(sents) && runes+sents[to].runes+1 <= maxRunes {
		runes += sents[to].runes + 1
		to++
	}
	return from, to
}

// startsLine reports whether the sentence begins a paragraph.
func startsLine(text string, s sentence) bool {
	return s.from == 0 || text[s.from-1] == '\n'
}

// slotWeight is the query weight of distinct slots.
func slotWeight(s *scorer, slots []int) float64 {
	var w float64
	for _, sl := range slots {
		w += s.q.slots[sl].idf
	}
	return w
}

// cutLong cuts one over-long sentence to maxRunes around its best words,
// marking the cuts with "…".
func cutLong(s *scorer, text string, ws []word, sent sentence, maxRunes int) (plain, marked string) {
	var in []word
	for _, w := range ws {
		if w.from >= sent.from && w.to <= sent.to {
			in = append(in, w)
		}
	}
	if len(in) == 0 {
		return "", ""
	}
	budget := maxRunes - 4 // room for "… " on both ends
	first := bestWindow(s, in, budget)
	from, to := in[first].from, in[first].to
	for _, w := range in[first:] {
		if w.rfrom-in[first].rfrom+utf8.RuneCountInString(text[w.from:w.to]) > budget {
			break
		}
		to = w.to
	}
	if to == in[len(in)-1].to {
		to = sent.to // keep the sentence's final punctuation
	}
	if first == 0 {
		from = sent.from
	}
	plain, marked = text[from:to], markWords(text, ws, from, to)
	if from > sent.from {
		plain, marked = "… "+plain, "… "+marked
	}
	if to < sent.to {
		plain, marked = plain+" …", marked+" …"
	}
	return plain, marked
}

// markWords HTML-escapes text[from:to] and wraps the words that match a
// query slot in <mark>.
func markWords(text string, ws []word, from, to int) string {
	var b strings.Builder
	pos := from
	for _, w := range ws {
		if w.from < from || w.to > to || w.slot < 0 || w.from < pos { // overlapping words: the first wins
			continue
		}
		b.WriteString(html.EscapeString(text[pos:w.from]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[w.from:w.to]))
		b.WriteString("</mark>")
		pos = w.to
	}
	b.WriteString(html.EscapeString(text[pos:to]))
	return b.String()
}

// stemSlot returns the query slot whose stem or synonym is term, or -1.
func (e *Engine) stemSlot(s *scorer, term []byte) int {
	if id, ok := e.dict.lookup(string(term)); ok {
		if k, ok := s.stemS.get(id); ok {
			return k
		}
		if k, ok := s.altS.get(id); ok {
			return k
		}
	}
	return -1
}

// matchWords is words for passages: the words of text that match a query
// slot, found with one pass of the stemming analyzer over the whole text
// instead of two analyses per distinct word. An exact or typo-corrected
// match has the slot's stem too, so the stems find them all but the typo
// matches, which are looked up by their lower-cased form. Stop words are
// not in the list; they never match. Offsets stay valid because the
// analyzers' character filter never changes a text's length.
func (e *Engine) matchWords(s *scorer, lang, text string) []word {
	toks := e.an.stemmer(lang).Analyze([]byte(text))
	out := make([]word, 0, len(toks))
	runes, last, lastPos := 0, 0, -1
	for _, t := range toks {
		if t.Position == lastPos && len(out) > 0 {
			// A part stacked on the word before ("json" of "package.json"):
			// a match of the part marks the whole word.
			if w := &out[len(out)-1]; w.slot < 0 {
				w.slot = e.stemSlot(s, t.Term)
			}
			continue
		}
		lastPos = t.Position
		if t.Start < last || t.End > len(text) {
			continue // never expected: tokens come in order, inside the text
		}
		runes += utf8.RuneCountInString(text[last:t.Start])
		last = t.Start
		w := word{from: t.Start, to: t.End, rfrom: runes, slot: e.stemSlot(s, t.Term)}
		if w.slot < 0 && s.fuzS.len() > 0 {
			if id, ok := e.dict.lookup(strings.ToLower(text[t.Start:t.End])); ok {
				if k, ok := s.fuzS.get(id); ok {
					w.slot = k
				}
			}
		}
		out = append(out, w)
	}
	return out
}
