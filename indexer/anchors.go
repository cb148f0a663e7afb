package indexer

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// fallbackAnchor names headings whose text has no letters or digits at all.
const fallbackAnchor = "section"

// anchors is a parser.IDs that keeps letters of every script. goldmark's
// built-in generator drops every non-ASCII byte, so all Russian headings of
// a page would collapse into "heading", "heading-1", … and links to them
// would mean nothing to a reader.
type anchors struct {
	used map[string]bool
	next map[string]int // last suffix tried per base, so long runs stay linear
}

func newAnchors() *anchors {
	return &anchors{used: map[string]bool{}, next: map[string]int{}}
}

// Generate returns a page-unique anchor for value, which is the heading's
// plain text (not its Markdown source). Duplicates get "-1", "-2", … as on
// GitHub.
func (a *anchors) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slugify(string(value))
	if !a.used[base] {
		a.used[base] = true
		return []byte(base)
	}
	for i := a.next[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if !a.used[id] {
			a.used[id] = true
			a.next[base] = i
			return []byte(id)
		}
	}
}

// Put reserves an id chosen elsewhere so that generated ones avoid it.
func (a *anchors) Put(value []byte) { a.used[string(value)] = true }

// slugify turns heading text into an anchor: lower case, letters, digits
// and combining marks of any script kept, runs of spaces, hyphens and
// underscores turned into one hyphen, everything else dropped. NFC first,
// so that "й" typed as и + breve gives the same anchor as the composed
// letter.
func slugify(s string) string {
	s = norm.NFC.String(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(s))
	pendingDash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if pendingDash && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingDash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_':
			pendingDash = true
		}
	}
	if b.Len() == 0 {
		return fallbackAnchor
	}
	return b.String()
}
