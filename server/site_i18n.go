package server

import (
	"strconv"
	"strings"
	"time"
)

// langNames are the languages' own names, as the chooser shows them.
var langNames = map[string]string{"ru": "Русский", "uk": "Українська", "bg": "Български", "en": "English"}

func langName(lang string) string {
	if n, ok := langNames[lang]; ok {
		return n
	}
	return lang
}

// pluralize picks key_one, key_few or key_many by the CLDR plural rules of
// lang (Russian and Ukrainian have three forms; Bulgarian and English use
// one and many) and replaces {n} with n.
func pluralize(strs func(string) string, lang, key string, n int) string {
	form := "many"
	switch lang {
	case "ru", "uk":
		switch m10, m100 := n%10, n%100; {
		case m10 == 1 && m100 != 11:
			form = "one"
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			form = "few"
		}
	default:
		if n == 1 {
			form = "one"
		}
	}
	s := strs(key + "_" + form)
	if s == "" {
		s = strs(key + "_many")
	}
	if s == "" {
		s = key + " {n}"
	}
	return strings.ReplaceAll(s, "{n}", strconv.Itoa(n))
}

// localDate formats a date with the theme's date_format and month_1 …
// month_12 strings ("14 октября 2026", "October 14, 2026"). Zero times
// format as "".
func localDate(strs func(string) string, v any) string {
	t, ok := v.(time.Time)
	if !ok || t.IsZero() {
		return ""
	}
	format := strs("date_format")
	if format == "" {
		format = "{year}-{mm}-{day}"
	}
	month := strs("month_" + strconv.Itoa(int(t.Month())))
	if month == "" {
		month = t.Month().String()
	}
	return strings.NewReplacer("{day}", strconv.Itoa(t.Day()), "{month}", month,
		"{mm}", t.Format("01"), "{year}", strconv.Itoa(t.Year())).Replace(format)
}

// isoDate is the machine-readable date of a <time> element.
func isoDate(v any) string {
	t, ok := v.(time.Time)
	if !ok || t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
