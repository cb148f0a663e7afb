package server

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"

	"github.com/spravka/spravka"
)

// articleBodies turns an article's rendered Markdown into the page body:
// sanitised when the site lets writers use raw HTML, with a link anchor on
// every section heading. Bodies are cached per article version, as the
// sanitiser is the slowest part of an article page.
type articleBodies struct {
	policy *bluemonday.Policy // nil when raw HTML is off: goldmark then escapes it already
	mu     sync.Mutex
	cache  map[string]template.HTML // article key + hash + label → body
}

// maxCachedBodies bounds the cache; it is dropped whole when full, which
// only happens after many content reloads.
const maxCachedBodies = 20000

func newArticleBodies(unsafeHTML bool) *articleBodies {
	b := &articleBodies{cache: map[string]template.HTML{}}
	if unsafeHTML {
		p := bluemonday.UGCPolicy()
		p.AllowAttrs("id").OnElements("h1", "h2", "h3", "h4", "h5", "h6")
		p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[\w+-]+$`)).OnElements("code")
		b.policy = p
	}
	return b
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
	src := a.HTML
	if b.policy != nil {
		src = b.policy.Sanitize(src)
	}
	attr := html.EscapeString(label)
	out := headingTag.ReplaceAllString(src,
		`<h$1 id="$2">$3<a class="anchor" href="#$2" aria-label="`+strings.ReplaceAll(attr, "$", "$$")+`" data-copy-link>#</a></h$1>`)
	body = template.HTML(out) // produced by goldmark (escaping) or bluemonday (sanitising)
	b.mu.Lock()
	if len(b.cache) >= maxCachedBodies {
		b.cache = map[string]template.HTML{}
	}
	b.cache[key] = body
	b.mu.Unlock()
	return body
}
