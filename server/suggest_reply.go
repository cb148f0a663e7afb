package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/spravka/spravka"
)

// suggestionJSON is a suggestion as the API writes it: the engine's fields
// and what an agent pastes into a reply.
type suggestionJSON struct {
	spravka.Suggestion
	// Reply is the passage as plain text (table rows as "label: column —
	// value" lines, not "|" fragments) and, for public articles, a line
	// with the link, introduced in the customer's language.
	Reply string `json:"reply"`
	// Link is the absolute URL of the section (else the article) with its
	// letters as letters, not %D0%…; absent for non-public articles, whose
	// page a customer cannot open.
	Link string `json:"link,omitempty"`
}

// questionJSON is the answer to one question of a message, as the API
// writes it.
type questionJSON struct {
	Text        string             `json:"text"`
	Match       spravka.MatchGrade `json:"match"`
	Suggestions []suggestionJSON   `json:"suggestions"`
}

// replier writes the replies of one suggest answer; it looks each
// article's tables up once, however many questions offer it.
type replier struct {
	ctx    context.Context
	engine Engine
	access spravka.Access
	base   string // the site's absolute URL
	more   string // "More:" in the customer's language
	tables map[string]map[string]tableRow
}

func (s *Server) newReplier(r *http.Request, access spravka.Access, lang string) *replier {
	strs, ok := agentStrings[lang]
	if !ok {
		strs = agentStrings["en"]
	}
	return &replier{ctx: r.Context(), engine: s.engine, access: access, base: s.baseURL(r), more: strs["reply_more"],
		tables: map[string]map[string]tableRow{}}
}

// list returns the suggestions with their replies; never nil.
func (p *replier) list(in []spravka.Suggestion) []suggestionJSON {
	out := make([]suggestionJSON, 0, len(in))
	for _, sg := range in {
		j := suggestionJSON{Suggestion: sg, Reply: replyPassage(sg.Passage, p.rowsOf(sg))}
		if isPublic(sg.Article.Audience) {
			// The engine's URLs keep their letters; only the host is added.
			j.Link = p.base + sg.Article.URL
			if sg.Section != nil {
				j.Link = p.base + sg.Section.URL
			}
			j.Reply += "\n\n" + p.more + " " + j.Link
		}
		out = append(out, j)
	}
	return out
}

// rowsOf returns the table rows of the suggested article, when its
// passage shows some.
func (p *replier) rowsOf(sg spravka.Suggestion) map[string]tableRow {
	if !strings.Contains(sg.Passage, " | ") {
		return nil
	}
	key := sg.Article.Lang + "/" + sg.Article.ID
	rows, ok := p.tables[key]
	if !ok {
		if art, err := p.engine.Article(p.ctx, sg.Article.ID, sg.Article.Lang, p.access); err == nil {
			texts := []string{art.Lead}
			for _, sec := range art.Sections {
				texts = append(texts, sec.Text)
			}
			rows = tableRows(texts...)
		}
		p.tables[key] = rows
	}
	return rows
}

// isPublic reports whether an article with this audience is on the public
// site, by the rule of spravka.Article.IsPublic (suggestions are never drafts).
func isPublic(audience []string) bool {
	return (&spravka.Article{Audience: audience}).IsPublic()
}
