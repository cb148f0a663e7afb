// Package bench generates a large, deterministic help-center corpus for
// benchmarks and holds the benchmarks of indexing, search and suggest.
//
// The vocabulary comes from the embedded sample content, so generated
// articles carry real Russian, Ukrainian, Bulgarian and English word forms
// (morphology matters for analyzer cost), drawn with a Zipf distribution as
// in natural text.
package bench

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strings"
	"testing/fstest"
	"unicode"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/content"
)

// Vocabulary is the words of each language, most frequent first.
type Vocabulary map[string][]string

// SampleVocabulary collects the words of the embedded sample content.
func SampleVocabulary() (Vocabulary, error) {
	counts := map[string]map[string]int{}
	err := fs.WalkDir(content.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		lang := langOfPath(path)
		if lang == "" {
			return nil
		}
		b, err := fs.ReadFile(content.FS(), path)
		if err != nil {
			return err
		}
		if counts[lang] == nil {
			counts[lang] = map[string]int{}
		}
		for _, w := range strings.FieldsFunc(string(b), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len([]rune(w)) > 1 {
				counts[lang][strings.ToLower(w)]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	v := Vocabulary{}
	for lang, m := range counts {
		words := make([]string, 0, len(m))
		for w := range m {
			words = append(words, w)
		}
		sort.Slice(words, func(i, j int) bool {
			if m[words[i]] != m[words[j]] {
				return m[words[i]] > m[words[j]]
			}
			return words[i] < words[j]
		})
		v[lang] = words
	}
	return v, nil
}

func langOfPath(p string) string {
	for _, l := range spravka.Languages {
		if strings.HasSuffix(p, "."+l+".md") {
			return l
		}
	}
	return ""
}

// zipfWords returns a source of k space-separated words of a language,
// drawn from v by the Zipf law of natural text and determined by rng.
func zipfWords(rng *rand.Rand, v Vocabulary) func(lang string, k int) string {
	zipf := map[string]*rand.Zipf{}
	for _, l := range spravka.Languages {
		zipf[l] = rand.NewZipf(rng, 1.07, 2, uint64(len(v[l])-1))
	}
	return func(lang string, k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = v[lang][zipf[lang].Uint64()]
		}
		return strings.Join(ws, " ")
	}
}

// Generate returns a content tree of n articles spread over the four
// languages and 12 categories. The same n and seed give the same bytes.
func Generate(v Vocabulary, n int, seed uint64) fstest.MapFS {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := fstest.MapFS{}
	langs := spravka.Languages
	words := zipfWords(rng, v)
	for i := 0; i < n; i++ {
		lang := langs[i%len(langs)]
		cat := fmt.Sprintf("category-%02d", i%12)
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ntags: [%s]\nquestions:\n  - %q\n  - %q\n---\n\n%s.\n",
			capitalize(words(lang, 3+rng.IntN(5))), words(lang, 1), words(lang, 4+rng.IntN(4)), words(lang, 3+rng.IntN(5)),
			capitalize(words(lang, 15+rng.IntN(20))))
		for s := 0; s < 2+rng.IntN(4); s++ {
			fmt.Fprintf(&b, "\n## %s\n\n", capitalize(words(lang, 2+rng.IntN(4))))
			for p := 0; p < 1+rng.IntN(3); p++ {
				fmt.Fprintf(&b, "%s. %s.\n\n", capitalize(words(lang, 10+rng.IntN(15))), capitalize(words(lang, 8+rng.IntN(12))))
			}
		}
		out[fmt.Sprintf("%s/article-%06d.%s.md", cat, i, lang)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return out
}

// GenerateLong returns n long articles of minWords–maxWords words each
// (sections of 150–400 words), the shape of manuals and tutorial chapters
// where a ranker that walks each candidate's tokens pays per word.
func GenerateLong(v Vocabulary, n, minWords, maxWords int, seed uint64) fstest.MapFS {
	rng := rand.New(rand.NewPCG(seed, seed^0x51ed270b))
	words := zipfWords(rng, v)
	out := fstest.MapFS{}
	for i := 0; i < n; i++ {
		lang := spravka.Languages[i%len(spravka.Languages)]
		total := minWords + rng.IntN(maxWords-minWords+1)
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\n---\n\n%s.\n", capitalize(words(lang, 3+rng.IntN(5))), capitalize(words(lang, 30)))
		for written := 30; written < total; {
			fmt.Fprintf(&b, "\n## %s\n\n", capitalize(words(lang, 2+rng.IntN(4))))
			for sec := 150 + rng.IntN(251); sec > 0 && written < total; {
				k := 12 + rng.IntN(14)
				fmt.Fprintf(&b, "%s.\n\n", capitalize(words(lang, k)))
				sec -= k
				written += k
			}
		}
		out[fmt.Sprintf("long/chapter-%05d.%s.md", i, lang)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return out
}

// Queries returns k deterministic queries of 1–6 words in each language.
func Queries(v Vocabulary, k int, seed uint64) []spravka.Query {
	rng := rand.New(rand.NewPCG(seed, 7))
	var out []spravka.Query
	for i := 0; i < k; i++ {
		lang := spravka.Languages[i%len(spravka.Languages)]
		ws := v[lang]
		n := 1 + rng.IntN(6)
		q := make([]string, n)
		for j := range q {
			// Queries favour the middle of the frequency list: words people
			// search for are neither stop words nor hapaxes.
			q[j] = ws[10+rng.IntN(min(len(ws)-10, 2000))]
		}
		out = append(out, spravka.Query{Text: strings.Join(q, " "), Lang: lang, PerPage: 10})
	}
	return out
}

func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
