package analysis

import "testing"

// benchText is a help-desk paragraph mixing the four languages, apostrophe
// variants and Latin product names, so each benchmark exercises its own
// stemmer plus the normalisation of the rest.
const benchText = `Якщо ви забули пароль від облікового запису, натисніть «Забули пароль?» на сторінці входу. Лист із посиланням прийде на м’яку адресу протягом п'яти хвилин.
Если счёт не оплачен, проверьте настройки платёжной карты в разделе «Подписка» и повторите оплату через Google Play или App Store.
Ако фактурата не е изпратена, проверете имейла на клиента и настройките на акаунта.
If the invoice wasn't sent, check the client's e-mail address and your account settings.`

func benchmarkAnalyze(b *testing.B, name string) {
	a := analyzer(b, name)
	in := []byte(benchText)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		a.Analyze(in)
	}
}

func BenchmarkAnalyzeExact(b *testing.B)     { benchmarkAnalyze(b, Exact) }
func BenchmarkAnalyzeEnglish(b *testing.B)   { benchmarkAnalyze(b, English) }
func BenchmarkAnalyzeRussian(b *testing.B)   { benchmarkAnalyze(b, Russian) }
func BenchmarkAnalyzeUkrainian(b *testing.B) { benchmarkAnalyze(b, Ukrainian) }
func BenchmarkAnalyzeBulgarian(b *testing.B) { benchmarkAnalyze(b, Bulgarian) }

func BenchmarkNormalize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(benchText)
	}
}
