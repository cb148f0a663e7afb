package analysis

import (
	"io/fs"
	"os"
	"strings"
	"testing"
)

// StemExact must give exactly what each language's stemming analyzer gives
// — terms, offsets and positions — on every paragraph of the sample help
// center and on the awkward cases (possessives, stop words in other
// spellings, dotted names, marks), or ranking would differ between a
// document analysed once and a query analysed by the stemmer.
func TestStemExactEqualsTheStemmer(t *testing.T) {
	texts := []string{
		"The user's password isn't reset", "Don’t DELETE file.txt or max_retries",
		"Её пароль — E[x]tract шлях_до_файлу", "П'ять м’яких знаків і ґанок", "Фактурата на клиента ѝ",
		"", "   ", "a.b.c d_e_f", "ЁЛКА ёлка елка",
	}
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("../../content"), p)
		texts = append(texts, strings.Split(string(data), "\n\n")...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	exact := analyzer(t, Exact)
	compared := 0
	for lang, l := range languages {
		stemmer := analyzer(t, l.analyzer)
		for _, text := range texts {
			want := stemmer.Analyze([]byte(text))
			got := StemExact(lang, exact.Analyze([]byte(text)))
			if len(got) != len(want) {
				t.Fatalf("%s %q: %d tokens, the stemmer has %d", lang, text, len(got), len(want))
			}
			for i := range want {
				g, w := got[i], want[i]
				if string(g.Term) != string(w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position {
					t.Fatalf("%s %q token %d: %q %d-%d @%d, the stemmer has %q %d-%d @%d", lang, text, i,
						g.Term, g.Start, g.End, g.Position, w.Term, w.Start, w.End, w.Position)
				}
				compared++
			}
		}
	}
	if compared < 10000 {
		t.Fatalf("only %d tokens compared", compared)
	}
	// The exact stream is left as it was: the caller keeps using it.
	ts := exact.Analyze([]byte("passwords"))
	StemExact("en", ts)
	if string(ts[0].Term) != "passwords" {
		t.Errorf("StemExact changed the exact stream: %q", ts[0].Term)
	}
}
