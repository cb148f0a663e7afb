package langid

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestVocabularyOf(t *testing.T) {
	tests := []struct {
		word string
		want [3]float64
		ok   bool
	}{
		{"сбросить", ev(1, 0, 0), true},   // stem сброс
		{"продажбите", ev(0, 0, 1), true}, // the longer stem продажб, not продаж
		{"продажам", ev(1, 1, 0), true},
		{"профила", ev(0, 0, 1), true}, // whole word
		{"профилактика", [3]float64{}, false},
		{"удал", ev(1, 0, 0), true}, // the stem itself
		{"уда", [3]float64{}, false},
		{strings.Repeat("я", 5000), [3]float64{}, false},
	}
	for _, tt := range tests {
		if got, ok := vocabularyOf(tt.word); got != tt.want || ok != tt.ok {
			t.Errorf("vocabularyOf(%.20q) = %v, %v; want %v, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
	for stem := range helpStems {
		if n := utf8.RuneCountInString(stem); n < minStemRunes || n > maxStemRunes {
			t.Errorf("stem %q has %d letters, want %d–%d", stem, n, minStemRunes, maxStemRunes)
		}
	}
}
