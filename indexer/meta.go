package indexer

import (
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/spravka/spravka"
)

// articleMeta is what an article's front matter says; empty strings mean
// "not given" so that defaults from the path apply.
type articleMeta struct {
	ID, Lang, Translation, Category string
	Title, Summary                  string
	Tags, Products, Questions       []string
	Aliases, Audience               []string
	Draft                           bool
	Weight                          int
	Created, Updated                time.Time
	Params                          map[string]any

	langNode *yaml.Node // where lang was set, to point at it when it is wrong
}

// decodeArticleMeta reads the known keys of an article's front matter.
// Keys match case-insensitively, as in Hugo; unknown ones are kept in
// Params with a warning, because a typo such as `tittle` would otherwise
// silently drop a field.
func decodeArticleMeta(f *fields, pairs [][2]*yaml.Node) articleMeta {
	var m articleMeta
	for _, kv := range pairs {
		k, v := kv[0], kv[1]
		switch key := strings.ToLower(k.Value); key {
		case "id":
			m.ID = f.str(key, v)
		case "title":
			m.Title = f.str(key, v)
		case "lang":
			m.Lang, m.langNode = strings.ToLower(f.str(key, v)), v
		case "translation":
			m.Translation = f.str(key, v)
		case "category":
			// It becomes a URL segment, so it must be one.
			if m.Category = f.str(key, v); strings.ContainsAny(m.Category, "/?# \t") {
				f.errorf(v, "category: %q must be a single folder name", m.Category)
			}
		case "summary":
			m.Summary = f.str(key, v)
		case "tags":
			m.Tags = f.list(key, v)
		case "products":
			m.Products = f.list(key, v)
		case "questions":
			m.Questions = f.list(key, v)
		case "aliases":
			m.Aliases = f.list(key, v)
		case "audience":
			m.Audience = decodeAudience(f, v)
		case "draft":
			m.Draft = f.boolean(key, v)
		case "weight":
			m.Weight = f.integer(key, v)
		case "created":
			m.Created = f.date(key, v)
		case "updated":
			m.Updated = f.date(key, v)
		default:
			f.warnf(k, "unknown front matter key %q (kept for themes)", k.Value)
			if m.Params == nil {
				m.Params = map[string]any{}
			}
			m.Params[k.Value] = f.value(k.Value, v)
		}
	}
	return m
}

// decodeAudience accepts `audience: internal` as well as a list, and
// normalises case so that `L2` matches an agent's `l2` tier. An explicit
// empty list is an error rather than "public": failing open would publish
// an article the writer meant to restrict.
func decodeAudience(f *fields, n *yaml.Node) []string {
	if isNull(n) {
		return nil
	}
	var raw []string
	switch n.Kind {
	case yaml.ScalarNode:
		raw = []string{f.str("audience", n)}
	case yaml.SequenceNode:
		raw = f.list("audience", n)
	default:
		f.errorf(n, "audience: want a tier or a list of tiers, got %s", kindName(n))
		return nil
	}
	out := make([]string, 0, len(raw))
	seen := map[string]bool{}
	for _, a := range raw {
		a = strings.ToLower(strings.TrimSpace(a))
		if a != "" && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	if len(out) == 0 && !f.failed {
		f.errorf(n, "audience: empty; leave the key out for %q", spravka.AudiencePublic)
	}
	return out
}

// categoryMeta is the front matter of a folder's _index file.
type categoryMeta struct {
	Title, Description string
	Weight             int
}

func decodeCategoryMeta(f *fields, pairs [][2]*yaml.Node) categoryMeta {
	var m categoryMeta
	for _, kv := range pairs {
		k, v := kv[0], kv[1]
		switch key := strings.ToLower(k.Value); key {
		case "title":
			m.Title = f.str(key, v)
		case "description":
			m.Description = f.str(key, v)
		case "weight":
			m.Weight = f.integer(key, v)
		default:
			f.warnf(k, "unknown category key %q (ignored)", k.Value)
		}
	}
	return m
}
