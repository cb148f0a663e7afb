// Package worst holds the inputs that cost the most per request before the
// work of a request was bounded, for the tests and benchmarks that check
// the bounds (search/bounds.go).
package worst

import (
	"math/rand/v2"
	"strings"
)

// Input is one worst input.
type Input struct {
	Name string
	Text string
}

// Inputs returns, in a fixed order: one 20,000-letter word (a Levenshtein
// automaton grows with the word), 20,000 one-letter words (an analysis
// each) and 2,000 distinct rare words (a typo lookup each). They are
// deterministic.
func Inputs() []Input {
	letters := []rune("абвгдежзийклмнопрстуфхцчшщыэюяabcdefghijklmnopqrstuvwxyz")
	ones := make([]string, 20000)
	for i := range ones {
		ones[i] = string(letters[i%len(letters)])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rare := make([]string, 0, 2000)
	seen := map[string]bool{}
	for len(rare) < cap(rare) {
		w := make([]rune, 6+rng.IntN(5))
		for i := range w {
			w[i] = letters[rng.IntN(30)] // Cyrillic: ru, uk and bg analyse it
		}
		if s := string(w); !seen[s] {
			seen[s] = true
			rare = append(rare, s)
		}
	}
	return []Input{
		{"word20000", strings.Repeat("а", 20000)},
		{"letters20000", strings.Join(ones, " ")},
		{"rare2000", strings.Join(rare, " ")},
	}
}
