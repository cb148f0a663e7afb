package analysis

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// stemEN removes the English possessive and applies Snowball English
// (Porter2). Porter2 was chosen over the original Porter algorithm bleve
// also ships because on help-desk vocabulary it conflates more inflections
// (tried/try, quickly/quick, dying/die) while merging fewer unrelated words
// (news/new, general/generous, communication/community);
// TestEnglishStemmerChoice keeps the measurement.
func stemEN(w string) string {
	w = strings.TrimSuffix(w, "'s")
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}
