package indexer

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// textWriter turns Markdown blocks into plain text for indexing: one line
// per paragraph, list item, table row or code line, so that words from
// neighbouring blocks never run together and a passage cutter can still
// split at sentence punctuation, which is kept. Table cells are separated
// by a tab, which tokenizers treat as a word boundary and snippets show as
// a space.
type textWriter struct {
	b     strings.Builder
	space bool // whitespace seen since the last rune written
	// code collects code-only blocks (code blocks, and paragraphs that are
	// a single code span, such as a command on its own line) apart from
	// prose: the ranker weighs them lower, as placeholders and flags repeat
	// across pages, and passages quote prose.
	code strings.Builder
}

// codeLine appends one line of code, whitespace collapsed.
func (w *textWriter) codeLine(s string) {
	if s = strings.Join(strings.Fields(s), " "); s != "" {
		w.code.WriteString(s)
		w.code.WriteByte('\n')
	}
}

// Code returns the code-only blocks, one line each.
func (w *textWriter) Code() string { return strings.TrimRight(w.code.String(), "\n") }

// write appends inline text, collapsing runs of whitespace into one space.
func (w *textWriter) write(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			w.space = true
			continue
		}
		if w.space && !w.atLineStart() {
			w.b.WriteByte(' ')
		}
		w.space = false
		w.b.WriteRune(r)
	}
}

// cellBreak separates table cells, even empty ones, so columns stay aligned.
func (w *textWriter) cellBreak() {
	w.b.WriteByte('\t')
	w.space = false
}

// lineBreak ends the current block; blank lines never appear.
func (w *textWriter) lineBreak() {
	if !w.atLineStart() {
		w.b.WriteByte('\n')
	}
	w.space = false
}

func (w *textWriter) atLineStart() bool {
	s := w.b.String()
	return s == "" || s[len(s)-1] == '\n' || s[len(s)-1] == '\t'
}

// String returns the text without the final newline.
func (w *textWriter) String() string { return strings.TrimRight(w.b.String(), "\n\t") }

// block writes the text of a block node and its descendants.
func (w *textWriter) block(n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		// Commands and error messages are what people paste into search, so
		// code counts; each line stands alone as it is not prose.
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.codeLine(string(seg.Value(src)))
		}
	case *ast.HTMLBlock:
		// Markup, not text; the unsafe-HTML option is for embeds, not prose.
	case *east.TableHeader, *east.TableRow:
		w.lineBreak()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c != n.FirstChild() {
				w.cellBreak()
			}
			w.inline(c, src)
		}
		w.lineBreak()
	case *ast.Paragraph:
		if c, ok := n.FirstChild().(*ast.CodeSpan); ok && c.NextSibling() == nil {
			w.codeLine(inlineText(c, src))
			return
		}
		w.lineBreak()
		w.inline(n, src)
		w.lineBreak()
	default:
		if first := n.FirstChild(); first != nil && first.Type() == ast.TypeInline {
			w.lineBreak()
			w.inline(n, src)
			w.lineBreak()
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c, src)
		}
		w.lineBreak()
	}
}

// inline writes the text of n's inline children: link and image text
// (alt text describes the screenshot people search for), code spans,
// emphasis; not footnote numbers or task checkboxes.
func (w *textWriter) inline(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			w.write(textValue(c.Value(src), c.IsRaw()))
			switch {
			case c.HardLineBreak():
				w.lineBreak()
			case c.SoftLineBreak():
				w.space = true
			}
		case *ast.String:
			w.write(string(c.Value))
		case *ast.AutoLink:
			w.write(string(c.Label(src)))
		case *ast.RawHTML:
			w.space = true // <br> and friends separate words
		case *east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
		default:
			w.inline(c, src)
		}
	}
}

// textValue resolves what the HTML renderer would: backslash escapes and
// entities such as &nbsp;, which the syntax tree keeps as written. Raw
// text (code spans) is taken literally.
func textValue(b []byte, raw bool) string {
	if raw || bytes.IndexAny(b, `\&`) < 0 { // the common case, without allocations
		return string(b)
	}
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b))))
}

// inlineText is the plain text of a heading or other inline container.
func inlineText(n ast.Node, src []byte) string {
	var w textWriter
	w.inline(n, src)
	return strings.TrimSpace(w.String())
}
