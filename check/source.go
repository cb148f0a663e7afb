package check

import (
	"bytes"
	"io/fs"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source is a file's lines and its front matter keys with positions, for
// pointing diagnostics at the right column.
type source struct {
	lines []string
	keys  map[string][2]*yaml.Node // lower-case key → key and value nodes, lines in file coordinates
}

// source reads path once; a file that cannot be read gives an empty source
// and diagnostics without columns.
func (k *checker) source(path string) source {
	if s, ok := k.srcs[path]; ok {
		return s
	}
	s := source{keys: map[string][2]*yaml.Node{}}
	if b, err := fs.ReadFile(k.fsys, path); err == nil {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		s.lines = strings.Split(string(b), "\n")
		s.keys = frontMatterKeys(s.lines)
	}
	k.srcs[path] = s
	return s
}

// frontMatterKeys parses the YAML between the --- fences. The indexer has
// already reported any syntax error; here only positions matter.
func frontMatterKeys(lines []string) map[string][2]*yaml.Node {
	out := map[string][2]*yaml.Node{}
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t\r") != "---" {
		return out
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\r") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return out
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return out
	}
	var shift func(n *yaml.Node)
	shift = func(n *yaml.Node) { // yaml counts from the line after the opening fence
		n.Line++
		for _, c := range n.Content {
			shift(c)
		}
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		kn, vn := root.Content[i], root.Content[i+1]
		shift(kn)
		shift(vn)
		out[strings.ToLower(kn.Value)] = [2]*yaml.Node{kn, vn}
	}
	return out
}

// column finds where needle starts on a 1-based line, in characters as
// editors count them; 0 when it is not there.
func (s source) column(line int, needles ...string) int {
	if line < 1 || line > len(s.lines) {
		return 0
	}
	text := s.lines[line-1]
	for _, n := range needles {
		if n == "" {
			continue
		}
		if i := strings.Index(text, n); i >= 0 {
			return utf8.RuneCountInString(text[:i]) + 1
		}
	}
	return 0
}

// keyPos returns the line and column of a front matter key, or 1, 0 when
// the key is absent.
func (s source) keyPos(key string) (int, int) {
	if kv, ok := s.keys[key]; ok {
		return kv[0].Line, kv[0].Column
	}
	return 1, 0
}
