package indexer

import (
	"github.com/yuin/goldmark/ast"

	"github.com/spravka/spravka"
)

// startsSection reports whether n opens a section: a ## or ### heading at
// the top level of the page. Deeper headings are too small to answer a
// question on their own, and headings nested in lists or quotes are
// decoration, so both stay in the text of the section around them.
func startsSection(n ast.Node) (*ast.Heading, bool) {
	h, ok := n.(*ast.Heading)
	return h, ok && n.Parent() != nil && n.Parent().Kind() == ast.KindDocument && (h.Level == 2 || h.Level == 3)
}

// splitSections returns the plain text (and code) before the first section
// heading and the sections in document order. Section ids are read back from the
// heading's id attribute, which the headingIDs transformer set, so they
// are exactly the ids in the rendered HTML.
func splitSections(doc ast.Node, src []byte, lines lineIndex) (lead, leadCode string, sections []spravka.Section) {
	var w textWriter
	flush := func() {
		if len(sections) == 0 {
			lead, leadCode = w.String(), w.Code()
		} else {
			sections[len(sections)-1].Text = w.String()
			sections[len(sections)-1].Code = w.Code()
		}
		w = textWriter{}
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := startsSection(c)
		if !ok {
			w.block(c, src)
			continue
		}
		flush()
		sections = append(sections, spravka.Section{
			ID:    headingID(h),
			Title: inlineText(h, src),
			Level: h.Level,
			Line:  lines.line(blockOffset(h)),
		})
	}
	flush()
	return lead, leadCode, sections
}

// headingID is the id attribute set on h during parsing.
func headingID(h *ast.Heading) string {
	v, ok := h.AttributeString("id")
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// blockOffset is where a block's text starts in the source. For a setext
// heading that is its text line rather than the underline, which is what
// an editor jump should land on.
func blockOffset(n ast.Node) int {
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		return lines.At(0).Start
	}
	return max(n.Pos(), 0)
}
