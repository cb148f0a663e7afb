// Package htmlcheck finds, for tests, what in an HTML document a browser
// would run: the fuzz targets and the CommonMark integration test check
// rendered articles with it. It reads markup the way a browser does (with
// golang.org/x/net/html), so escaped text never counts and entity-encoded
// or blank-padded script URLs do.
package htmlcheck

import (
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Allowed says whether a <script> element of the page's own is expected,
// given its attributes (for example a src under /static/).
type Allowed func(attrs []html.Attribute) bool

// NoScripts allows no <script> element at all.
func NoScripts([]html.Attribute) bool { return false }

// Active returns the first piece of doc that would run in a browser, or "":
// a <script> element that allowed refuses, an embedding element (iframe,
// object, embed), an event handler attribute (onclick=…) or a javascript:,
// vbscript: or data:text/html URL in a link, image or form.
func Active(doc string, allowed Allowed) string {
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return ""
			}
			return "unparsable HTML: " + z.Err().Error()
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if bad := activeTag(tok, allowed); bad != "" {
				return bad
			}
		}
	}
}

func activeTag(tok html.Token, allowed Allowed) string {
	switch tok.Data {
	case "script":
		if !allowed(tok.Attr) {
			return tok.String()
		}
	case "iframe", "object", "embed":
		return tok.String()
	}
	for _, a := range tok.Attr {
		key := strings.ToLower(a.Key)
		if strings.HasPrefix(key, "on") {
			return tok.String()
		}
		switch key {
		case "href", "src", "action", "formaction", "xlink:href":
			if isScriptURL(a.Val) {
				return tok.String()
			}
		}
	}
	return ""
}

// isScriptURL reports whether a browser would run u: it drops control
// characters and blanks from URLs and compares schemes case-blind.
func isScriptURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(u))
	for _, scheme := range []string{"javascript:", "vbscript:", "data:text/html"} {
		if strings.HasPrefix(u, scheme) {
			return true
		}
	}
	return false
}
