package indexer

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/spravka/spravka"
)

// dateLayouts are the forms accepted for created/updated: a YAML date, RFC
// 3339, and the space-separated form YAML timestamps also allow.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
}

// fields decodes front matter values one by one, collecting a Problem per
// bad value instead of stopping at the first, so that a writer fixes a
// file in one round.
type fields struct {
	path     string
	lineBase int // added to yaml's 1-based lines to get file lines
	problems []spravka.Problem
	failed   bool // an error (not a warning) was reported
}

func (f *fields) errorf(n *yaml.Node, format string, args ...any) {
	f.failed = true
	f.problems = append(f.problems, spravka.Problem{Path: f.path, Line: n.Line + f.lineBase, Column: n.Column, Message: fmt.Sprintf(format, args...)})
}

func (f *fields) warnf(n *yaml.Node, format string, args ...any) {
	f.problems = append(f.problems, spravka.Problem{Path: f.path, Line: n.Line + f.lineBase, Column: n.Column, Warning: true, Message: fmt.Sprintf(format, args...)})
}

// isNull treats `key:` and `key: ~` as if the key were absent.
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// str takes the raw text of any scalar: YAML 1.1 booleans such as `no` and
// numbers such as `2024` are meant as text in a title or a language code.
func (f *fields) str(key string, n *yaml.Node) string {
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		f.errorf(n, "%s: want text, got %s", key, kindName(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// list takes a sequence of scalars. A lone scalar is refused (except where
// the caller allows it) so that `tags: 5` is caught as a likely typo.
func (f *fields) list(key string, n *yaml.Node) []string {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.errorf(n, "%s: want a list like [a, b], got %s", key, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		item = resolveAlias(item)
		if isNull(item) {
			continue
		}
		if item.Kind != yaml.ScalarNode {
			f.errorf(item, "%s: list items must be text, got %s", key, kindName(item))
			continue
		}
		if v := strings.TrimSpace(item.Value); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// integer decodes a whole number. The tag is checked first because
// yaml.v3 silently truncates 1.5 to 1 when decoding into an int.
func (f *fields) integer(key string, n *yaml.Node) int {
	var v int
	if isNull(n) {
		return 0
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		f.errorf(n, "%s: want a whole number, got %s", key, kindName(n))
	}
	return v
}

// boolean accepts what yaml.v3 accepts for a bool field: true/false plus
// the YAML 1.1 spellings yes/no/on/off.
func (f *fields) boolean(key string, n *yaml.Node) bool {
	var v bool
	if isNull(n) {
		return false
	}
	if n.Kind != yaml.ScalarNode || n.Decode(&v) != nil {
		f.errorf(n, "%s: want true or false, got %s", key, kindName(n))
	}
	return v
}

// date parses the scalar text itself rather than trusting the YAML tag, so
// a quoted "2026-10-14" works as well as an unquoted one.
func (f *fields) date(key string, n *yaml.Node) time.Time {
	if isNull(n) {
		return time.Time{}
	}
	if n.Kind == yaml.ScalarNode {
		s := strings.TrimSpace(n.Value)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t
			}
		}
	}
	f.errorf(n, "%s: want a date like 2026-10-14 or 2026-10-14T09:30:00+03:00, got %s", key, kindName(n))
	return time.Time{}
}

// value decodes an unknown key's value for themes; it cannot fail on a
// node yaml has already parsed, short of an alias bomb.
func (f *fields) value(key string, n *yaml.Node) any {
	var v any
	if err := n.Decode(&v); err != nil {
		f.warnf(n, "%s: cannot decode: %v", key, err)
		return nil
	}
	return v
}
