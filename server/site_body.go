package server

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"sync"

	"github.com/spravka/spravka"
)

// articleBodies turns an article's HTML into the page body, with a link
// anchor on every section heading. The HTML is safe already: the indexer
// escapes raw HTML or sanitises it where it renders the Markdown, for every
// consumer at once. Bodies are cached per article version, as the regexp
// pass over a long article costs more than the rest of its page.
type articleBodies struct {
	mu    sync.Mutex
	cache map[string]template.HTML // article key + hash + label → body
}

// maxCachedBodies bounds the cache; it is dropped whole when full, which
// only happens after many content reloads.
const maxCachedBodies = 20000

func newArticleBodies() *articleBodies {
	return &articleBodies{cache: map[string]template.HTML{}}
}

// headingTag matches the h2/h3 headings the indexer gives ids to.
var headingTag = regexp.MustCompile(`(?s)<h([23]) id="([^"]+)">(.*?)</h[23]>`)

// render returns a's body; label is the accessible name of the anchor
// links in the page's language.
func (b *articleBodies) render(a *spravka.Article, label string) template.HTML {
	key := a.Key() + "\x00" + a.Hash + "\x00" + label
	b.mu.Lock()
	body, ok := b.cache[key]
	b.mu.Unlock()
	if ok {
		return body
	}
	attr := html.EscapeString(label)
	out := headingTag.ReplaceAllString(a.HTML,
		`<h$1 id="$2">$3<a class="anchor" href="#$2" aria-label="`+strings.ReplaceAll(attr, "$", "$$")+`" data-copy-link>#</a></h$1>`)
	body = template.HTML(out) // produced by goldmark (escaping) or sanitised by the indexer
	b.mu.Lock()
	if len(b.cache) >= maxCachedBodies {
		b.cache = map[string]template.HTML{}
	}
	b.cache[key] = body
	b.mu.Unlock()
	return body
}
