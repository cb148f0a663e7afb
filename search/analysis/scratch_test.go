package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	lang := os.Getenv("LANGX")
	files, _ := filepath.Glob("../../content/*/*." + lang + ".md")
	groups := map[string]map[string]bool{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, w := range terms(t, Exact, string(b)) {
			if !isCyrillicWord(w) || StopWords(lang)(w) {
				continue
			}
			s := Stem(lang, w)
			if groups[s] == nil {
				groups[s] = map[string]bool{}
			}
			groups[s][w] = true
		}
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var ws []string
		for w := range groups[k] {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		fmt.Printf("%s: %s\n", k, strings.Join(ws, " "))
	}
	fmt.Println(len(keys), "stems")
}
