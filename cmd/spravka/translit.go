package main

import (
	"strings"
	"unicode"
)

// Transliteration tables for file names: the national romanisation of
// each language (Russian: ISO 9 / GOST 7.79 system B simplified, as in
// URLs; Ukrainian: the 2010 Cabinet of Ministers table; Bulgarian: the 2009
// Transliteration Act), so that "Как вернуть деньги" becomes
// kak-vernut-dengi and "Щастя" becomes shchastia in Ukrainian but shtastya
// in Bulgarian.
var translitTables = map[string]map[rune]string{
	"ru": {
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i",
		'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
		'э': "e", 'ю': "yu", 'я': "ya",
	},
	"uk": {
		'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh", 'з': "z",
		'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
		'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
		'ь': "", 'ю': "iu", 'я': "ia", '\'': "", '’': "", 'ʼ': "",
	},
	"bg": {
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y",
		'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
		'ф': "f", 'х': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sht", 'ъ': "a", 'ь': "y", 'ю': "yu", 'я': "ya",
	},
}

// maxSlugLen keeps file names and URLs readable; the cut falls between words.
const maxSlugLen = 60

// slugify turns a title into a file name slug of lower-case ASCII letters,
// digits and hyphens. Letters of other scripts that the language's table
// does not cover fall back to the Russian table, then are dropped.
func slugify(title, lang string) string {
	table := translitTables[lang]
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		var s string
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			s = string(r)
		case table[r] != "" || hasKey(table, r):
			s = table[r]
		case translitTables["ru"][r] != "":
			s = translitTables["ru"][r]
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			continue // a script we cannot romanise
		default:
			dash = b.Len() > 0
			continue
		}
		if s == "" {
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	slug := b.String()
	for len(slug) > maxSlugLen {
		i := strings.LastIndexByte(slug[:maxSlugLen], '-')
		if i <= 0 {
			slug = slug[:maxSlugLen]
			break
		}
		slug = slug[:i]
	}
	return slug
}

func hasKey(m map[rune]string, r rune) bool { _, ok := m[r]; return ok }
