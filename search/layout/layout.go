// Package layout repairs text typed with the wrong keyboard layout active:
// "ghbdtn" typed on a Latin layout by someone who meant the Russian
// ЙЦУКЕН "привет", and "руддщ" typed on a Cyrillic layout by someone who
// meant "hello".
//
// Conversion is positional: a character is replaced by the one the same
// physical key produces on the other layout. Only the keys that carry a
// letter on the Cyrillic side are remapped; digits, spaces and symbols
// that are not letters on either side ("/", "?", "!", "@", ...) are kept,
// because they don't affect search and guessing them is error-prone.
//
// Package layout has no dependencies and no mutable state; all functions
// are safe for concurrent use.
package layout

// Layout names a Cyrillic keyboard layout that is paired with the US
// QWERTY layout on the same physical keys.
type Layout int

const (
	// Russian is the standard Russian ЙЦУКЕН layout (Windows "Russian",
	// XKB "ru"): "q" is й, "[" is х, "`" is ё, "," is б, "." is ю.
	Russian Layout = iota + 1

	// Ukrainian is the standard Ukrainian layout (Windows "Ukrainian
	// (Enhanced)", XKB "ua"). It equals Russian except: "s" is і (ы),
	// "]" is ї (ъ), "'" is є (э), "`" is the apostrophe (ё), and "\" is
	// ґ. The legacy Windows layout has ґ only on AltGr+г, which cannot be
	// reached by a wrong-layout keystroke, so mapping "\" to ґ as the
	// enhanced layout and XKB do is the only choice that ever fires.
	Ukrainian

	// Bulgarian is the traditional Bulgarian phonetic layout (Windows
	// "Bulgarian (Phonetic Traditional)", XKB "bg(phonetic)"), where keys
	// follow the sound: "w" is в, "y" is ъ, "x" is ь, "v" is ж, "`" is ч,
	// "[" is ш, "]" is щ, "\" is ю. The Bulgarian BDS layout and the 2006
	// "new phonetic" layout are not modelled.
	Bulgarian
)

// allLayouts lists every supported layout, in the order Candidates tries
// them, which is spravka.Languages' order; a Ukrainian conversion equal
// to the Russian one is therefore reported as Russian.
var allLayouts = [...]Layout{Russian, Ukrainian, Bulgarian}

// String returns the layout's English name, for logs and debugging.
func (l Layout) String() string {
	switch l {
	case Russian:
		return "Russian"
	case Ukrainian:
		return "Ukrainian"
	case Bulgarian:
		return "Bulgarian"
	}
	return "Layout(?)"
}

// keyPairs lists, per layout, the QWERTY characters and the Cyrillic
// characters the same keys give. Lower and shifted rows are separate
// strings of equal rune length; keys whose shifted symbol is not a letter
// (the Ukrainian "~") simply have no shifted entry.
var keyPairs = map[Layout][2]string{
	Russian: {
		"`qwertyuiop[]asdfghjkl;'zxcvbnm,." + "~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>",
		"ёйцукенгшщзхъфывапролджэячсмитьбю" + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ",
	},
	Ukrainian: {
		"`qwertyuiop[]\\asdfghjkl;'zxcvbnm,." + "QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>",
		"'йцукенгшщзхїґфівапролджєячсмитьбю" + "ЙЦУКЕНГШЩЗХЇҐФІВАПРОЛДЖЄЯЧСМИТЬБЮ",
	},
	Bulgarian: {
		"`qwertyuiop[]\\asdfghjklzxcvbnm" + "~QWERTYUIOP{}|ASDFGHJKLZXCVBNM",
		"чявертъуиопшщюасдфгхйклзьцжбнм" + "ЧЯВЕРТЪУИОПШЩЮАСДФГХЙКЛЗЬЦЖБНМ",
	},
}

// table is the compiled form of one layout's key pairs.
type table struct {
	layout Layout
	// cyr maps an ASCII key character to its Cyrillic character, or 0.
	cyr [128]rune
	// lat maps a Cyrillic character (or the Ukrainian apostrophe) back to
	// its ASCII key.
	lat map[rune]byte
}

// tables holds the compiled tables; it is filled once at package init and
// never written afterwards, so concurrent reads are safe.
var tables = compileTables()

func compileTables() map[Layout]*table {
	out := make(map[Layout]*table, len(keyPairs))
	for l, p := range keyPairs {
		t := &table{layout: l, lat: make(map[rune]byte)}
		keys, letters := []rune(p[0]), []rune(p[1])
		if len(keys) != len(letters) {
			panic("layout: key table length mismatch for " + l.String())
		}
		for i, k := range keys {
			t.cyr[k] = letters[i]
			t.lat[letters[i]] = byte(k)
		}
		out[l] = t
	}
	return out
}

// tableFor returns the compiled table for l, or nil for an unknown layout.
func tableFor(l Layout) *table { return tables[l] }
