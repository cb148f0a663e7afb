package langid

import "unicode"

// Fast paths for the character classes Detect asks about on every rune.
// Customer text is almost all ASCII and basic Cyrillic (U+0400–U+04FF),
// where the answers are simple ranges; the unicode tables, a binary search
// per call, are left for everything else. This makes Detect several times
// faster on typical messages.

func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	case r >= 0x400 && r <= 0x4ff:
		return r <= 0x481 || r >= 0x48a // U+0482–U+0489: signs, marks
	}
	return unicode.IsLetter(r)
}

func isCyrillic(r rune) bool {
	if r >= 0x400 && r <= 0x4ff {
		return r != 0x485 && r != 0x486 // combining marks of no script
	}
	return r >= 0x80 && unicode.Is(unicode.Cyrillic, r)
}

func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'A' && r <= 'Z'
	case r >= 0x400 && r <= 0x42f: // Ѐ–Џ, А–Я
		return true
	case r >= 0x430 && r <= 0x45f: // а–я, ѐ–џ
		return false
	}
	return unicode.IsUpper(r)
}
