package indexer

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/spravka/spravka"
)

// synonymsLang returns the language of a _synonyms/<lang>.txt path.
func synonymsLang(p string) string {
	return strings.TrimSuffix(path.Base(p), synonymsExt)
}

// ParseSynonyms reads a synonyms file: one group of equivalent terms per
// line, comma-separated. A '#' starts a comment at the start of a line or
// after a blank, so that terms such as "c#" survive. Blank lines are
// skipped; a group of fewer than two terms says nothing and is dropped
// with a warning.
func ParseSynonyms(path string, src []byte) ([][]string, []spravka.Problem) {
	var (
		groups   [][]string
		problems []spravka.Problem
	)
	for i, raw := range strings.Split(string(bytes.TrimPrefix(src, utf8BOM)), "\n") {
		line, text := i+1, stripComment(raw)
		if strings.TrimSpace(text) == "" {
			continue
		}
		var group []string
		seen := map[string]bool{}
		for _, term := range strings.Split(text, ",") {
			term = strings.Join(strings.Fields(term), " ")
			if term != "" && !seen[term] {
				seen[term] = true
				group = append(group, term)
			}
		}
		if len(group) < 2 {
			problems = append(problems, spravka.Problem{Path: path, Line: line, Warning: true,
				Message: fmt.Sprintf("synonym group %q has fewer than two terms; ignored", strings.TrimSpace(text))})
			continue
		}
		groups = append(groups, group)
	}
	return groups, problems
}

func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}
