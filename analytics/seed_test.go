package analytics_test

import (
	"time"

	"github.com/spravka/spravka/analytics"
)

// now is the fixed "present" of the seeded event log.
var now = time.Date(2025, 3, 31, 12, 0, 0, 0, time.UTC)

func ago(days int, hours int) time.Time {
	return now.Add(-time.Duration(days)*24*time.Hour - time.Duration(hours)*time.Hour)
}

func search(at time.Time, lang, q string, total int) analytics.Search {
	return analytics.Search{Time: at, Source: analytics.SourceSite, Lang: lang, Query: q, Total: total, TookMS: 3}
}

func gapSearch(at time.Time, lang, q, article, articleLang string) analytics.Search {
	s := search(at, lang, q, 2)
	s.Fallback, s.TopArticle, s.TopLang = true, article, articleLang
	return s
}

// seed is a small event log that touches every report section: popular and
// zero-result queries in several languages, searches answered only in
// another language, votes with a duplicate and comments, suggest calls
// with feedback, and events older than the 30-day window.
func seed() []analytics.Event {
	apiSearch := search(ago(2, 0), "en", "API token", 3)
	apiSearch.Source, apiSearch.Agent = analytics.SourceAPI, "helpdesk"
	corrected := search(ago(2, 1), "ru", "ghbdtn", 4)
	corrected.Correction = "layout"
	return []analytics.Event{
		search(ago(1, 0), "en", "Reset password", 5),
		search(ago(1, 1), "en", "reset  password!", 5),
		search(ago(3, 0), "en", "reset password", 5),
		analytics.Click{Time: ago(1, 0), Lang: "en", Query: "reset password", Target: "/en/account/reset-password", Rank: 1,
			ArticleID: "account/reset-password", ArticleLang: "en"},
		analytics.Click{Time: ago(3, 0), Lang: "en", Query: "Reset password", Target: "/en/account/reset-password", Rank: 2,
			ArticleID: "account/reset-password", ArticleLang: "en"},
		search(ago(1, 2), "uk", "скинути пароль", 4),
		analytics.Click{Time: ago(1, 2), Lang: "uk", Query: "скинути пароль", Target: "/uk/account/reset-password", Rank: 1,
			ArticleID: "account/reset-password", ArticleLang: "uk"},
		gapSearch(ago(1, 3), "uk", "повернення коштів", "billing/refunds", "ru"),
		gapSearch(ago(2, 3), "uk", "Повернення коштів", "billing/refunds", "ru"),
		gapSearch(ago(2, 4), "uk", "як повернути гроші", "billing/refunds", "ru"),
		gapSearch(ago(1, 4), "bg", "фактура ДДС", "invoices/vat-invoice", "en"),
		analytics.Click{Time: ago(1, 4), Lang: "bg", Query: "фактура ДДС", Target: "/en/invoices/vat-invoice", Rank: 1,
			ArticleID: "invoices/vat-invoice", ArticleLang: "en"},
		search(ago(1, 5), "en", "delete my accuont", 0),
		search(ago(2, 5), "en", "delete my accuont", 0),
		search(ago(2, 6), "ru", "удалить аккаунт навсегда", 0),
		search(ago(3, 6), "en", "my email is ivan@example.com, card 4111 1111 1111 1111", 0),
		apiSearch,
		corrected,
		search(ago(45, 0), "en", "old query", 1), // outside the 30-day window
		analytics.Vote{Time: ago(1, 0), ArticleID: "account/reset-password", Lang: "en", Visitor: "v1", Helpful: true},
		analytics.Vote{Time: ago(1, 0), ArticleID: "account/reset-password", Lang: "en", Visitor: "v2", Helpful: false,
			Comment: "Steps are outdated: there is no <b>Security</b> tab"},
		analytics.Vote{Time: ago(1, 0).Add(time.Minute), ArticleID: "account/reset-password", Lang: "en", Visitor: "v1", Helpful: false},
		analytics.Vote{Time: ago(2, 0), ArticleID: "billing/refunds", Lang: "uk", Visitor: "v3", Helpful: true},
		analytics.Vote{Time: ago(2, 0), ArticleID: "billing/refunds", Lang: "uk", Visitor: "v4", Helpful: false,
			Comment: "Не зрозуміло, де кнопка"},
		analytics.Vote{Time: ago(2, 0), ArticleID: "billing/refunds", Lang: "uk", Visitor: "v5", Helpful: true},
		analytics.Vote{Time: ago(2, 0), ArticleID: "mobile/install", Lang: "en", Visitor: "v1", Helpful: true},
		analytics.Suggest{Time: ago(1, 0), RequestID: "r1", Agent: "helpdesk", Lang: "ru", DetectedLang: "ru",
			ArticleIDs: []string{"billing/refunds", "account/reset-password"}, TookMS: 12},
		analytics.Suggest{Time: ago(1, 1), RequestID: "r2", Agent: "helpdesk", Lang: "en", DetectedLang: "en",
			ArticleIDs: []string{"account/reset-password"}, TookMS: 9},
		analytics.SuggestFeedback{Time: ago(1, 0), RequestID: "r1", ArticleID: "billing/refunds", Agent: "helpdesk", Useful: true},
		analytics.SuggestFeedback{Time: ago(1, 0), RequestID: "r1", ArticleID: "account/reset-password", Agent: "helpdesk", Useful: false},
		analytics.SuggestFeedback{Time: ago(1, 1), RequestID: "r2", ArticleID: "account/reset-password", Agent: "helpdesk", Useful: true},
	}
}
