package spravka

import "slices"

// Audience values stored in the index. Any other value is an agent tier.
const (
	AudiencePublic   = "public"
	AudienceInternal = "internal"
)

// Access says who is asking: an anonymous visitor, an agent with tiers, or a
// writer in preview mode. The search engine turns it into a filter clause of
// the index query itself, so nothing is filtered after the fact.
type Access struct {
	Agent   string   // agent name; empty for anonymous visitors
	Tiers   []string // tiers the agent belongs to, e.g. l1, l2
	Preview bool     // writers' preview: drafts and internal articles too
}

// Public is the access of an anonymous visitor.
var Public = Access{}

// Audiences returns the audience values this access may see. Preview returns
// nil, which means "everything".
func (a Access) Audiences() []string {
	if a.Preview {
		return nil
	}
	out := []string{AudiencePublic}
	if len(a.Tiers) > 0 {
		out = append(out, AudienceInternal)
		out = append(out, a.Tiers...)
	}
	return out
}

// CanSee reports whether the access may see the article.
func (a Access) CanSee(art *Article) bool { return a.Seer()(art) }

// Seer returns CanSee with the audiences worked out once, for callers that
// ask about many articles (a search filters thousands).
func (a Access) Seer() func(*Article) bool {
	auds := a.Audiences()
	return func(art *Article) bool {
		if auds == nil {
			return true // preview
		}
		if art.Draft {
			return false
		}
		for _, want := range art.Audience {
			if slices.Contains(auds, want) {
				return true
			}
		}
		return false
	}
}

// IsAgent reports whether the caller authenticated as an agent or bot.
func (a Access) IsAgent() bool { return a.Agent != "" }
