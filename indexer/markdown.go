package indexer

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/spravka/spravka"
)

// markdown is goldmark configured for help articles, with the sanitiser
// its output goes through when raw HTML is allowed. It is safe for
// concurrent use, so Load builds one and shares it between workers.
type markdown struct {
	goldmark.Markdown
	policy *bluemonday.Policy // nil when raw HTML is off: goldmark escapes it itself
}

// newMarkdown configures the renderer for opts. Raw HTML is left out
// unless the site opts in, and is then sanitised (see newHTMLPolicy),
// because writers paste from anywhere and goldmark does not sanitise.
func newMarkdown(opts Options) *markdown {
	var rendererOpts []renderer.Option
	md := &markdown{}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
		md.policy = newHTMLPolicy()
	}
	md.Markdown = goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(headingIDs{}, 1000))),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return md
}

// headingIDs gives every heading an id from its plain text through the
// parse context's parser.IDs. goldmark's own auto ids are off because they
// are computed from the raw Markdown line, so "## See [billing](b.md)"
// would become "see-billingbmd".
type headingIDs struct{}

// Transform implements parser.ASTTransformer.
func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		h.SetAttributeString("id", pc.IDs().Generate([]byte(inlineText(h, src)), ast.KindHeading))
		return ast.WalkSkipChildren, nil
	})
}

// document is a parsed Markdown body held between parsing and rendering,
// because links to other articles can only be rewritten once every
// article's URL is known.
type document struct {
	src     []byte
	root    ast.Node
	mdLinks []mdLink
}

// parseMarkdown parses body, which starts on file line firstLine, once,
// and fills the article's lead, sections and links from the tree.
func parseMarkdown(md *markdown, body []byte, firstLine int, art *spravka.Article) *document {
	pc := parser.NewContext(parser.WithIDs(newAnchors()))
	root := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	lines := newLineIndex(body, firstLine)
	doc := &document{src: body, root: root}
	art.Lead, art.LeadCode, art.Sections = splitSections(root, body, lines)
	art.Links, doc.mdLinks = collectLinks(root, body, lines, art.Path)
	return doc
}

// render writes the body as safe HTML, first pointing links to other
// articles at their site URLs. resolve may be nil, which leaves them as
// written.
func (d *document) render(md *markdown, resolve func(path string) (string, bool)) (string, error) {
	if resolve != nil {
		for _, l := range d.mdLinks {
			if url, ok := resolve(l.target); ok {
				l.node.Destination = []byte(url + l.suffix)
			}
		}
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, d.src, d.root); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	if md.policy != nil {
		return md.policy.Sanitize(buf.String()), nil
	}
	return buf.String(), nil
}

// lineIndex maps byte offsets in a body to 1-based file lines.
type lineIndex struct {
	starts []int // offset of the first byte of each line
	first  int   // file line of the body's first line
}

func newLineIndex(src []byte, first int) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts, first: first}
}

func (l lineIndex) line(off int) int {
	return sort.SearchInts(l.starts, off+1) - 1 + l.first
}
