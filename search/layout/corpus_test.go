package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus reads the customer messages the langid package keeps as test
// data (one per line, # comments), so LooksLikeWrongLayout is measured on
// realistic text without a second copy of it.
func corpus(t *testing.T, lang string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "langid", "testdata", lang+".txt"))
	if err != nil {
		t.Skipf("langid corpus not available: %v", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// TestLooksLikeWrongLayoutCorpus checks the prefilter on genuine messages
// (it must stay quiet) and on the same messages as they come out when
// typed on the wrong layout (it must fire). Bulgarian typed on Latin keys
// with the phonetic layout in mind reads like transliteration and is not
// expected to be caught.
func TestLooksLikeWrongLayoutCorpus(t *testing.T) {
	same := func(s string) string { return s }
	tests := []struct {
		name    string
		lang    string
		typed   func(string) string
		want    bool
		minRate float64
	}{
		{"genuine ru", "ru", same, false, 0.98},
		{"genuine uk", "uk", same, false, 0.98},
		{"genuine bg", "bg", same, false, 0.98},
		{"genuine en", "en", same, false, 0.98},
		{"ru on Latin keys", "ru", func(s string) string { return ToLatin(s, Russian) }, true, 0.9},
		{"uk on Latin keys", "uk", func(s string) string { return ToLatin(s, Ukrainian) }, true, 0.9},
		{"en on Russian keys", "en", func(s string) string { return ToCyrillic(s, Russian) }, true, 0.9},
		{"en on Ukrainian keys", "en", func(s string) string { return ToCyrillic(s, Ukrainian) }, true, 0.75},
	}
	for _, tt := range tests {
		msgs := corpus(t, tt.lang)
		var misses []string
		for _, m := range msgs {
			if typed := tt.typed(m); LooksLikeWrongLayout(typed) != tt.want {
				misses = append(misses, "  "+typed)
			}
		}
		rate := 1 - float64(len(misses))/float64(len(msgs))
		t.Logf("%s: %.1f%% right of %d", tt.name, 100*rate, len(msgs))
		if rate < tt.minRate {
			t.Errorf("%s: %.1f%% right, want >= %.0f%%; wrong on:\n%s",
				tt.name, 100*rate, 100*tt.minRate, strings.Join(misses, "\n"))
		}
	}
}
