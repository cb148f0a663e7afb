package indexer

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// fence opens and closes the front matter block.
const fence = "---"

// errNoFrontMatter marks files that do not start with a --- line.
var errNoFrontMatter = errors.New("no front matter: the file must start with a --- line")

// lineError is a defect tied to a line of the file.
type lineError struct {
	Line, Column int
	Err          error
}

func (e *lineError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }
func (e *lineError) Unwrap() error { return e.Err }

// splitFrontMatter cuts src into the YAML between the fences and the
// Markdown body, and returns the file line the body starts on so that
// positions inside the body can be reported as file lines.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, err error) {
	fmStart := 0
	for off, line := 0, 1; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		next := end + 1
		cur := src[off:end]
		switch {
		case line == 1 && !isFence(cur):
			return nil, src, 1, &lineError{Line: 1, Err: errNoFrontMatter}
		case line == 1:
			fmStart = min(next, len(src))
		case isFence(cur):
			return src[fmStart:off], src[min(next, len(src)):], line + 1, nil
		}
		off = next
	}
	if len(src) == 0 {
		return nil, src, 1, &lineError{Line: 1, Err: errNoFrontMatter}
	}
	return nil, nil, 0, &lineError{Line: 1, Err: errors.New("front matter is not closed by a --- line")}
}

// isFence accepts trailing blanks and a CR, which editors leave behind
// without the writer noticing.
func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == fence
}

// parseYAML parses the front matter into its top-level mapping. Decoding
// into a yaml.Node rather than a struct keeps every value's line and raw
// text, so `lang: no` stays "no" and type errors can point at the value.
// Keys are returned in file order; a repeated key is an error because the
// writer cannot tell which value wins.
func parseYAML(fm []byte, firstLine int) ([][2]*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(loneCRToSpace(fm), &doc); err != nil {
		return nil, yamlSyntaxError(err, firstLine)
	}
	if len(doc.Content) == 0 {
		return nil, nil // empty front matter; the missing title is reported later
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &lineError{Line: root.Line + firstLine - 1, Err: fmt.Errorf("front matter must be key: value pairs, got %s", kindName(root))}
	}
	pairs := make([][2]*yaml.Node, 0, len(root.Content)/2)
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolveAlias(root.Content[i+1])
		key := strings.ToLower(k.Value)
		if prev, dup := seen[key]; dup {
			return nil, &lineError{Line: k.Line + firstLine - 1, Column: k.Column,
				Err: fmt.Errorf("key %q repeats the one on line %d", k.Value, prev+firstLine-1)}
		}
		seen[key] = k.Line
		pairs = append(pairs, [2]*yaml.Node{k, v})
	}
	return pairs, nil
}

// loneCRToSpace returns fm with every CR that is not part of a CRLF made a
// space. yaml breaks lines at a lone CR, while file lines (and editors'
// path:line jumps, and the rest of spravka) count LFs; without this, yaml's
// line numbers would point past the line meant, even past the file's end.
// fm is part of the source, whose hash is taken later, so it is copied.
func loneCRToSpace(fm []byte) []byte {
	var out []byte
	for i, c := range fm {
		if c == '\r' && (i+1 == len(fm) || fm[i+1] != '\n') {
			if out == nil {
				out = bytes.Clone(fm)
			}
			out[i] = ' '
		}
	}
	if out == nil {
		return fm
	}
	return out
}

// yamlSyntaxError moves the line yaml reports ("yaml: line 3: …") into
// file coordinates. yaml.v3 has no typed syntax error, so the line is read
// back from the message, and its numbering is uneven: scanner errors count
// lines from 1, parser errors from 0 and leave the line out when it is 0.
func yamlSyntaxError(err error, firstLine int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0 // 0-based
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, reason, found := strings.Cut(rest, ": ")
		if n, convErr := strconv.Atoi(num); found && convErr == nil {
			line, msg = n, reason
			if !isYAMLParserError(reason) {
				line--
			}
		}
	}
	return &lineError{Line: firstLine + line, Err: fmt.Errorf("front matter: %s", msg)}
}

// isYAMLParserError recognises the messages of yaml.v3's parser (parserc.go),
// as opposed to its scanner's.
func isYAMLParserError(msg string) bool {
	for _, prefix := range []string{"did not find expected", "found duplicate %", "found incompatible YAML", "found undefined tag"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// resolveAlias follows YAML aliases (*name) so decoders see the value.
func resolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}
