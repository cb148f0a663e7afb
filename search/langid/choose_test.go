package langid

import (
	"slices"
	"strings"
	"testing"
)

// shortQuery is one line of testdata/short.txt.
type shortQuery struct {
	text string
	want []string // one language when the text decides, else the candidates, sorted
}

func readShortQueries(t *testing.T) []shortQuery {
	t.Helper()
	var out []shortQuery
	for _, line := range readMessages(t, "short") {
		want, text, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(text) == "" {
			t.Fatalf("short.txt: want \"answer<TAB>query\", got %q", line)
		}
		langs := strings.Fields(want)
		slices.Sort(langs)
		out = append(out, shortQuery{text: text, want: langs})
	}
	return out
}

// TestShortQueries runs the table of short help-center queries through
// Choose without a default, preferences or content vocabulary: the text
// alone. The right language must never be ruled out; the exact answer (the
// language decided, or the candidate set left open) must match for at
// least 95% of each language's queries, and at least 60 queries per
// language must be decidable from the text.
func TestShortQueries(t *testing.T) {
	type tally struct{ n, exact, decided int }
	tallies := map[string]*tally{}
	for _, q := range readShortQueries(t) {
		got := Choose(q.text, Hints{})
		cands := slices.Sorted(slices.Values(got.Langs))
		key := strings.Join(q.want, " ")
		if tallies[key] == nil {
			tallies[key] = &tally{}
		}
		tl := tallies[key]
		tl.n++
		if len(q.want) == 1 {
			tl.decided++
		}
		wantDecided := len(q.want) == 1
		switch {
		case len(got.Langs) == 0:
			t.Errorf("%q: no candidates, want %v", q.text, q.want)
		case got.Decided && !slices.Contains(q.want, got.Langs[0]):
			t.Errorf("%q: decided %s, want %v", q.text, got.Langs[0], q.want)
		case !subset(q.want, cands):
			t.Errorf("%q: candidates %v rule out some of %v", q.text, cands, q.want)
		case got.Decided == wantDecided && slices.Equal(cands, q.want):
			tl.exact++
		default:
			t.Logf("%q: candidates %v (decided %v), want %v", q.text, got.Langs, got.Decided, q.want)
		}
	}
	for key, tl := range tallies {
		t.Logf("%-9s %3d queries, %3d exact", key, tl.n, tl.exact)
		if float64(tl.exact) < 0.95*float64(tl.n) {
			t.Errorf("%s: %d of %d exact, want at least 95%%", key, tl.exact, tl.n)
		}
	}
	for _, lang := range []string{Russian, Ukrainian, Bulgarian, English} {
		if tl := tallies[lang]; tl == nil || tl.decided < 60 {
			t.Errorf("%s: fewer than 60 queries the text decides", lang)
		}
	}
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// TestChooseHints checks what decides when the text does not: the
// content's languages and vocabulary, the site's default, the visitor's
// preferences, in that order.
func TestChooseHints(t *testing.T) {
	knows := func(m map[string]int) func(string) int { return func(l string) int { return m[l] } }
	tests := []struct {
		name, text  string
		h           Hints
		want        []string
		wantDecided bool
	}{
		{"default decides", "пароль", Hints{Default: Ukrainian}, []string{Ukrainian, Russian}, false},
		{"default before preferences", "пароль", Hints{Default: Russian, Prefer: []string{Ukrainian}}, []string{Russian, Ukrainian}, false},
		{"preferences when the default is no candidate", "пароль",
			Hints{Default: English, Prefer: []string{Bulgarian, Ukrainian, Russian}}, []string{Ukrainian, Russian}, false},
		{"no preference: the text's order", "пароль", Hints{Default: English}, []string{Russian, Ukrainian}, false},
		{"only one candidate has content", "пароль", Hints{Content: []string{Russian, English}}, []string{Russian}, true},
		{"no candidate has content: all stay", "пароль", Hints{Content: []string{Bulgarian, English}, Default: Bulgarian},
			[]string{Russian, Ukrainian}, false},
		{"decided text keeps its language without content", "забравена парола", Hints{Content: []string{Russian, English}, Default: Russian},
			[]string{Bulgarian}, true},
		{"vocabulary before the default", "фактура", Hints{Default: Russian, Known: knows(map[string]int{Bulgarian: 1})},
			[]string{Bulgarian, Russian, Ukrainian}, true},
		{"equal vocabulary: the default", "фактура", Hints{Default: Ukrainian, Known: knows(map[string]int{Russian: 1, Ukrainian: 1, Bulgarian: 1})},
			[]string{Ukrainian, Russian, Bulgarian}, false},
		{"Latin is English", "reset password", Hints{Content: []string{Russian}, Default: Russian}, []string{English}, true},
		{"Cyrillic is never English", "пароль", Hints{Content: []string{Russian, English}, Default: English}, []string{Russian}, true},
		{"no letters: any language with content", "12345", Hints{Content: []string{Ukrainian, English}, Default: English},
			[]string{English, Ukrainian}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Choose(tt.text, tt.h)
			if !slices.Equal(got.Langs, tt.want) || got.Decided != tt.wantDecided {
				t.Errorf("Choose(%q) = %v decided %v, want %v decided %v", tt.text, got.Langs, got.Decided, tt.want, tt.wantDecided)
			}
		})
	}
}
