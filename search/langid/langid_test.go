package langid

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readMessages loads testdata/<lang>.txt: one message per line, blank
// lines and lines starting with # skipped.
func readMessages(t testing.TB, lang string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCorpus requires 95% accuracy per language on realistic support
// messages, and at least 50 messages per language so the figure means
// something.
func TestCorpus(t *testing.T) {
	for _, lang := range []string{Russian, Ukrainian, Bulgarian, English} {
		msgs := readMessages(t, lang)
		if len(msgs) < 50 {
			t.Errorf("%s: %d messages, want at least 50", lang, len(msgs))
		}
		var failures []string
		for _, m := range msgs {
			if got, conf := Detect(m); got != lang {
				failures = append(failures, fmt.Sprintf("  %s %.2f  %q", got, conf, m))
			}
		}
		acc := 1 - float64(len(failures))/float64(len(msgs))
		t.Logf("%s: %d/%d correct (%.1f%%)", lang, len(msgs)-len(failures), len(msgs), 100*acc)
		if acc < 0.95 {
			t.Errorf("%s: accuracy %.1f%% < 95%%; misdetected:\n%s", lang, 100*acc, strings.Join(failures, "\n"))
		} else if len(failures) > 0 {
			t.Logf("%s misdetected:\n%s", lang, strings.Join(failures, "\n"))
		}
	}
}

func TestHardCases(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		// Very short: the verb ending is the only clue.
		{"не работает", Russian},
		{"не працює", Ukrainian},
		{"як оплатити", Ukrainian}, // no і ї є at all
		{"как да платя", Bulgarian},
		{"пароль", Russian}, // no evidence: the most common language...
		// A Russian message around English product names.
		{"не работает синхронизация с QuickBooks Online", Russian},
		{"Google Pay не принимает карту", Russian},
		{"не працює синхронізація з QuickBooks Online", Ukrainian},
		// Bulgarian without ъ.
		{"не мога да вляза в профила си", Bulgarian},
		{"моля за помощ, приложението не се отваря", Bulgarian},
		// Russian ъ after a prefix is not Bulgarian.
		{"объявление о подъезде", Russian},
		// Ukrainian apostrophe, in every spelling.
		{"пам'ять", Ukrainian},
		{"пам’ять", Ukrainian},
		// English with a Cyrillic word, and English without function words.
		{"invoice for ООО Ромашка is wrong", English},
		{"bank sync failed", English},
		{"iPhone", English},
	}
	for _, tt := range tests {
		if got, conf := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %s (%.2f), want %s", tt.text, got, conf, tt.want)
		}
	}
}

func TestNoLetters(t *testing.T) {
	for _, text := range []string{"", "   ", "12345", "?!... :) 100%", "文字"} {
		if lang, conf := Detect(text); lang != "" || conf != 0 {
			t.Errorf("Detect(%q) = %q, %v; want \"\", 0", text, lang, conf)
		}
	}
}

func TestConfidence(t *testing.T) {
	// Strong evidence is confident, scant evidence is not.
	if _, conf := Detect("не можу увійти в особистий кабінет, пише невірний пароль"); conf < 0.9 {
		t.Errorf("long Ukrainian message: confidence %.2f, want >= 0.9", conf)
	}
	// ... with a confidence that makes DetectOr fall back.
	for _, text := range []string{"пароль", "не работи", "оплата"} {
		if _, conf := Detect(text); conf >= MinConfidence {
			t.Errorf("%q: confidence %.2f, want < %v", text, conf, MinConfidence)
		}
	}
	for _, lang := range []string{Russian, Ukrainian, Bulgarian, English} {
		for _, m := range readMessages(t, lang) {
			if _, conf := Detect(m); conf < 0 || conf > 1 {
				t.Fatalf("Detect(%q) confidence %v out of 0..1", m, conf)
			}
		}
	}
}

func TestDetectOr(t *testing.T) {
	tests := []struct {
		text, fallback, want string
	}{
		{"как сменить пароль", "uk", Russian},
		{"пароль", "uk", "uk"},
		{"", "ru", "ru"},
		{"how do I reset my password", "ru", English},
		{"не мога да вляза", "ru", Bulgarian},
	}
	for _, tt := range tests {
		if got := DetectOr(tt.text, tt.fallback); got != tt.want {
			t.Errorf("DetectOr(%q, %q) = %q, want %q", tt.text, tt.fallback, got, tt.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	// 50 words, the upper middle of a typical support message.
	msg := "Здравствуйте, у меня не работает синхронизация с банком уже третий день. " +
		"Я пробовал выйти из аккаунта и зайти снова, переподключил карту, но операции " +
		"за выходные так и не подтянулись. В приложении на айфоне висит ошибка " +
		"токен устарел. Подскажите пожалуйста, что делать и когда это исправят, мне срочно нужно сдать отчет"
	if n := len(strings.Fields(msg)); n != 50 {
		b.Fatalf("benchmark message has %d words, want 50", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		Detect(msg)
	}
}
