// Package langid tells which of the product's languages — Russian,
// Ukrainian, Bulgarian, English — a short customer message is written in.
//
// It is a rule-based scorer tuned for messages of 3–200 words, where
// statistical models trained on long texts are unreliable and the three
// Cyrillic languages share most of their letters and many words. The
// script decides English against the rest; among the Cyrillic languages,
// letters that only one of them has (ы э ё, і ї є ґ, ъ before a
// consonant) weigh most, then function words, the words of help-center
// queries and word endings.
//
// Detect names the likeliest language. Choose, for a search query, keeps
// every language the text leaves open and orders them by the site's
// content, its default language and the visitor's preferences.
//
// The package has no dependencies and no mutable state; all functions are
// safe for concurrent use.
package langid

import "math"

// Language codes Detect returns; they match spravka.Languages.
const (
	Russian   = "ru"
	Ukrainian = "uk"
	Bulgarian = "bg"
	English   = "en"
)

// MinConfidence is the confidence below which DetectOr returns its
// fallback. For Cyrillic text it means a lead of one unit of evidence —
// one function word or ending only the winner has ("не работает") — and a
// decisive letter (ы, і, ъ before a consonant) alone gives 0.88. A word
// that any of the three could have written ("пароль") gives 0.
const MinConfidence = 0.5

// Detect returns the language of text, one of "ru", "uk", "bg" or "en",
// and a confidence in 0..1 that grows with the evidence separating the
// winner from the runner-up. Text without Latin or Cyrillic letters gives
// ("", 0).
//
// Latin-dominated text is English: the product serves no other Latin
// language. Capitalised Latin words count half, because inside Cyrillic
// text they are product and bank names (QuickBooks, Visa), and English
// function words count double, because they are not names.
func Detect(text string) (lang string, confidence float64) {
	r := read(text)
	switch {
	case r.latinWords == 0 && r.cyrWords == 0:
		return "", 0
	case r.english():
		// Latin letters alone could be a transliteration, a name or a
		// wrong-layout query ("ghbdtn"); two English function words make
		// it certainly English.
		en := r.latinWords + r.enHits
		share := en / (en + r.cyrWords)
		return English, round(share * (0.5 + 0.5*math.Min(1, r.enHits/2)))
	}
	lang, margin := r.cyr.best()
	share := r.cyrWords / (r.cyrWords + r.latinWords)
	// Each unit of lead (one function word of its own) halves the
	// remaining doubt; Latin words in the text dilute it.
	conf := (1 - math.Exp2(-margin)) * (0.5 + 0.5*share)
	return lang, round(math.Min(conf, 0.99))
}

// reading is the evidence of a text: its words per script and the scores
// of the Cyrillic languages.
type reading struct {
	cyr                          scores
	latinWords, cyrWords, enHits float64
}

func read(text string) reading {
	var r reading
	prev := ""
	forEachWord(text, func(w word) {
		switch w.script {
		case scriptLatin:
			if w.brand {
				r.latinWords += 0.5
			} else {
				r.latinWords++
			}
			if englishWords[w.text] {
				r.enHits++
			}
		case scriptCyrillic:
			r.cyrWords++
			r.cyr.addWord(w, prev)
			r.cyr.addPair(prev, w.text)
		}
		prev = w.text
	})
	return r
}

// english reports whether Latin words, English function words counting
// double, outnumber the Cyrillic ones.
func (r reading) english() bool { return r.latinWords+r.enHits > r.cyrWords }

// DetectOr returns the language Detect finds, or fallback when there is
// none or its confidence is below MinConfidence. Use it where a wrong
// guess costs more than the default, such as picking the analyzer for a
// two-word query.
func DetectOr(text, fallback string) string {
	lang, conf := Detect(text)
	if lang == "" || conf < MinConfidence {
		return fallback
	}
	return lang
}

// round keeps two decimals, so confidences read cleanly in logs and tests.
func round(x float64) float64 { return math.Round(x*100) / 100 }
