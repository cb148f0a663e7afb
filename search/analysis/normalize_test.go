package analysis

import (
	"slices"
	"testing"
)

// normCases are the normalisation rules, each as an input and the single
// term Exact must produce for it. Every stemmed analyzer must give the
// input the same terms as the canonical spelling.
var normCases = []struct {
	rule, in, want string
}{
	{"NFC decomposed й", "зна\u0438\u0306ти", "знайти"},
	{"NFC composes Latin ë, not folded", "e\u0308", "\u00eb"},
	{"NFC decomposed Cyrillic ё", "вс\u0435\u0308", "все"},
	{"ё→е", "ещё", "еще"},
	{"Ё→е", "ЁЛКА", "елка"},
	{"ё with a grave stress mark: е with it, composed", "\u0401\u0300", "\u0450"},
	{"ё with a second diaeresis", "\u0451\u0308", "е"},
	{"NFC decomposed ї kept", "\u0456\u0308жак", "їжак"},
	{"lower case", "ПАРОЛЬ", "пароль"},
	{"soft hyphen", "пара\u00adметр", "параметр"},
	{"zero-width space", "пара\u200bметр", "параметр"},
	{"zero-width non-joiner", "пара\u200cметр", "параметр"},
	{"zero-width joiner", "пара\u200dметр", "параметр"},
	{"word joiner", "пара\u2060метр", "параметр"},
	{"byte-order mark", "\ufeffпараметр", "параметр"},
	{"apostrophe U+0027", "м'який", "м'який"},
	{"apostrophe U+2019", "м’який", "м'який"},
	{"apostrophe U+02BC", "мʼякий", "м'який"},
	{"apostrophe backtick", "м`який", "м'який"},
	{"apostrophe U+2018", "м‘який", "м'який"},
	{"Greek numeral sign, which NFC turns into U+02B9", "м\u0374ясо", "м'ясо"},
	{"leading modifier apostrophe trimmed", "ʼслово", "слово"},
	{"mixed script: Latin p", "пpивет", "привет"},
	{"mixed script: Latin upper C and O", "CЧЕТ ПАPOЛЬ", "счет пароль"},
	{"mixed script: Latin i in Ukrainian", "пiдписка", "підписка"},
	{"mixed script: non-look-alike keeps word", "iPhoneом", "iphoneом"},
	{"pure Latin untouched", "Hello", "hello"},
	{"pure Latin look-alikes untouched", "TOP", "top"},
	{"runs judged separately", "ok.привет", "ok.привет"},
	{"й is not и", "мій", "мій"},
	{"й is not и (Russian)", "край", "край"},
}

func TestNormalizationExact(t *testing.T) {
	for _, c := range normCases {
		got := terms(t, Exact, c.in)
		want := []string{c.want}
		switch c.rule {
		case "mixed script: Latin upper C and O":
			want = []string{"счет", "пароль"}
		case "runs judged separately":
			// The dotted name also yields its parts (splitParts).
			want = []string{"ok.привет", "ok", "привет"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q → %q, want %q", c.rule, c.in, got, want)
		}
	}
}

func TestNormalizationAllAnalyzers(t *testing.T) {
	for _, name := range allAnalyzers {
		for _, c := range normCases {
			if c.in == c.want {
				continue
			}
			got, want := terms(t, name, c.in), terms(t, name, c.want)
			if !slices.Equal(got, want) {
				t.Errorf("%s, %s: %q → %q, canonical %q → %q", name, c.rule, c.in, got, c.want, want)
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range normCases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", c.rule, c.in, got, c.want)
		}
	}
	// Text between words is kept; quotes stay separators.
	for in, want := range map[string]string{
		"Як змінити ПАРОЛЬ?":  "як змінити пароль?",
		"«М’ЯКИЙ» знак":       "«м'який» знак",
		"‘quoted’ and `code`": "'quoted' and 'code'",
		"пpивет, world":       "привет, world",
		"":                    "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, c := range normCases {
		once := Normalize(c.in)
		if twice := Normalize(once); twice != once {
			t.Errorf("Normalize not idempotent on %q: %q then %q", c.in, once, twice)
		}
	}
}

// TestApostropheSingleToken checks that every apostrophe variant keeps the
// word one token in every analyzer, and that all give the same term.
func TestApostropheSingleToken(t *testing.T) {
	variants := []string{"м'який", "м’який", "мʼякий", "м`який", "м‘який"}
	for _, name := range allAnalyzers {
		first := terms(t, name, variants[0])
		if len(first) != 1 {
			t.Fatalf("%s: %q → %q, want one token", name, variants[0], first)
		}
		for _, v := range variants[1:] {
			if got := terms(t, name, v); !slices.Equal(got, first) {
				t.Errorf("%s: %q → %q, want %q", name, v, got, first)
			}
		}
	}
}

// TestOffsetsPointIntoOriginal checks that the char filter keeps byte
// offsets valid, so highlighting can slice the original text.
func TestOffsetsPointIntoOriginal(t *testing.T) {
	text := "Знайдіть м`який пара\u200bметр"
	toks := analyzer(t, Exact).Analyze([]byte(text))
	want := []string{"Знайдіть", "м`який", "пара\u200bметр"}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, tok := range toks {
		if got := text[tok.Start:tok.End]; got != want[i] {
			t.Errorf("token %d spans %q, want %q", i, got, want[i])
		}
	}
}
