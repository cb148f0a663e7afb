package indexer

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/spravka/spravka"
)

// mdLink is a link to another Markdown file of the tree, to be pointed at
// that file's site URL once it is known.
type mdLink struct {
	node   *ast.Link
	target string // slash path of the linked file from the content root
	suffix string // "?query#fragment" as written, kept on the rewritten URL
}

// collectLinks records every link, image and autolink with its file line,
// as written, for `spravka check`; relative links to .md files are also
// returned for rewriting.
func collectLinks(root ast.Node, src []byte, lines lineIndex, articlePath string) (links []spravka.Link, md []mdLink) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest := string(n.Destination)
			links = append(links, spravka.Link{Dest: dest, Line: lines.line(inlineOffset(n))})
			if target, suffix, ok := markdownTarget(articlePath, dest); ok {
				md = append(md, mdLink{node: n, target: target, suffix: suffix})
			}
		case *ast.Image:
			links = append(links, spravka.Link{Dest: string(n.Destination), Image: true, Line: lines.line(inlineOffset(n))})
		case *ast.AutoLink:
			dest := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest // as rendered, so checkers can skip it by scheme
			}
			links = append(links, spravka.Link{Dest: dest, Line: lines.line(inlineOffset(n))})
		}
		return ast.WalkContinue, nil
	})
	return links, md
}

// markdownTarget resolves dest, written in the file at from, to the path
// of a Markdown file in the tree. Absolute URLs, site paths ("/ru/…"),
// fragments and links that climb out of the root are not file links.
func markdownTarget(from, dest string) (target, suffix string, ok bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return "", "", false
	}
	if path.Ext(u.Path) != markdownExt {
		return "", "", false
	}
	target = path.Join(path.Dir(from), u.Path)
	if target == ".." || strings.HasPrefix(target, "../") {
		return "", "", false
	}
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		suffix = dest[i:] // as written: re-escaping a Cyrillic fragment would not match the anchor better
	}
	return target, suffix, true
}

// inlineOffset is where an inline node starts in the source. goldmark
// records it for links and images; for anything else the enclosing block
// is close enough for a line number.
func inlineOffset(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Pos() >= 0 {
			return n.Pos()
		}
		if n.Type() == ast.TypeBlock {
			return blockOffset(n)
		}
	}
	return 0
}
