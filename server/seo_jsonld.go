package server

import (
	"strings"
	"time"

	"github.com/spravka/spravka"
)

// ld is a JSON-LD object; html/template encodes it as JSON inside
// <script type="application/ld+json">, escaping "<" so it cannot end the
// block.
type ld = map[string]any

const schemaOrg = "https://schema.org"

// websiteLD describes the site with its search, so search engines can offer
// a search box for it.
func websiteLD(v view) ld {
	home := v.Base + "/" + v.Lang + "/"
	return ld{"@context": schemaOrg, "@type": "WebSite", "name": v.SiteName, "url": home, "inLanguage": v.Lang,
		"potentialAction": ld{"@type": "SearchAction", "target": home + "search?q={search_term_string}",
			"query-input": "required name=search_term_string"}}
}

// breadcrumbLD is the BreadcrumbList of the page's breadcrumbs; the last
// crumb is the page itself.
func breadcrumbLD(v view) ld {
	items := make([]ld, 0, len(v.Breadcrumbs))
	for i, c := range v.Breadcrumbs {
		url := v.Canonical
		if c.URL != "" {
			url = absolute(v.Base, c.URL)
		}
		items = append(items, ld{"@type": "ListItem", "position": i + 1, "name": c.Title, "item": url})
	}
	return ld{"@context": schemaOrg, "@type": "BreadcrumbList", "itemListElement": items}
}

// articleLD is FAQPage when the article lists the questions customers ask
// (each answered by the article), else Article.
func articleLD(v view, a *spravka.Article, updated time.Time) ld {
	if len(a.Questions) > 0 {
		answer := describe(a)
		if answer == "" {
			answer = a.Title
		}
		qs := make([]ld, 0, len(a.Questions))
		for _, q := range a.Questions {
			qs = append(qs, ld{"@type": "Question", "name": q,
				"acceptedAnswer": ld{"@type": "Answer", "text": answer, "url": v.Canonical}})
		}
		return ld{"@context": schemaOrg, "@type": "FAQPage", "name": a.Title, "url": v.Canonical,
			"inLanguage": a.Lang, "mainEntity": qs}
	}
	out := ld{"@context": schemaOrg, "@type": "Article", "headline": a.Title, "url": v.Canonical,
		"mainEntityOfPage": v.Canonical, "inLanguage": a.Lang,
		"publisher": ld{"@type": "Organization", "name": v.SiteName}}
	if d := describe(a); d != "" {
		out["description"] = d
	}
	if len(a.Tags) > 0 {
		out["keywords"] = strings.Join(a.Tags, ", ")
	}
	if !a.Created.IsZero() {
		out["datePublished"] = a.Created.Format(time.RFC3339)
	}
	if !updated.IsZero() {
		out["dateModified"] = updated.Format(time.RFC3339)
	}
	return out
}

// absolute makes a site path absolute under base.
func absolute(base, path string) string {
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		return path
	}
	return base + path
}
