package langid

import (
	"testing"
	"unicode"
)

// TestRuneFastPaths checks the fast paths against the unicode package over
// every rune they special-case and a margin around them.
func TestRuneFastPaths(t *testing.T) {
	for r := rune(0); r < 0x600; r++ {
		if got, want := isLetter(r), unicode.IsLetter(r); got != want {
			t.Errorf("isLetter(%U) = %v, want %v", r, got, want)
		}
		if got, want := isCyrillic(r), unicode.Is(unicode.Cyrillic, r); got != want {
			t.Errorf("isCyrillic(%U) = %v, want %v", r, got, want)
		}
		if got, want := isUpper(r), unicode.IsUpper(r); got != want {
			t.Errorf("isUpper(%U) = %v, want %v", r, got, want)
		}
	}
}
