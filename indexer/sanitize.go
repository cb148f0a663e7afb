package indexer

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// newHTMLPolicy is what an article's HTML may hold when the site lets
// writers use raw HTML (Options.UnsafeHTML). The article's HTML is
// sanitised once, when it is rendered, so that the site, the article API
// and the agent page (which inserts it with innerHTML) all get the same
// safe markup, and no consumer can forget to clean it.
//
// It is bluemonday's policy for user content, widened to everything
// goldmark writes for plain Markdown, so that turning raw HTML on changes
// nothing else (TestSanitisingKeepsMarkdown): heading and footnote ids in
// any script, classes (code languages, footnotes, writers' callouts),
// footnote roles, table cell alignment and task-list checkboxes.
func newHTMLPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	// The links are the help center's own, between its own articles; a
	// nofollow on each would tell search engines not to trust them.
	p.RequireNoFollowOnLinks(false)
	p.AllowAttrs("id").OnElements("h1", "h2", "h3", "h4", "h5", "h6", "li", "sup")
	p.AllowAttrs("class").Matching(bluemonday.SpaceSeparatedTokens).Globally()
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-[a-z]+$`)).OnElements("a", "div", "sup")
	p.AllowStyles("text-align").MatchingEnum("left", "center", "right").OnElements("th", "td")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").Matching(regexp.MustCompile(`^$`)).OnElements("input")
	return p
}
