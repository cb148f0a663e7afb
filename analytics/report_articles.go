package analytics

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"time"
)

// contentGaps finds articles that customers searching in one language
// reached only in another: searches whose results all came from another
// language (the engine's fallback) and clicks across languages.
func (s *sqlStore) contentGaps(ctx context.Context, f Filter, r *Report) error {
	type key struct{ lang, id, alang string }
	gaps := map[key]*Gap{}
	queries := map[key]map[string]int{}
	add := func(k key, query string, n int, click bool) {
		g := gaps[k]
		if g == nil {
			g = &Gap{Lang: k.lang, ArticleID: k.id, ArticleLang: k.alang}
			gaps[k] = g
			queries[k] = map[string]int{}
		}
		if click {
			g.Clicks += n
		} else {
			g.Searches += n
		}
		queries[k][query] += n
	}
	// Each row is one query in one language that reached one article in
	// another language, with how often.
	scan := func(click bool) func(*sql.Rows) error {
		return func(rows *sql.Rows) error {
			var k key
			var q string
			var n int
			if err := rows.Scan(&k.lang, &k.id, &k.alang, &q, &n); err != nil {
				return err
			}
			add(k, q, n, click)
			return nil
		}
	}
	w, args := period(f, "s", "lang")
	if err := s.each(ctx, `SELECT s.lang, s.top_article, s.top_lang, s.query, COUNT(*) FROM searches s
		WHERE `+w+` AND s.fallback AND s.top_article <> '' AND s.top_lang <> s.lang
		GROUP BY s.lang, s.top_article, s.top_lang, s.query`, args, scan(false)); err != nil {
		return err
	}
	w, args = period(f, "c", "lang")
	if err := s.each(ctx, `SELECT c.lang, c.article_id, c.article_lang, c.query, COUNT(*) FROM clicks c
		WHERE `+w+` AND c.article_id <> '' AND c.article_lang <> c.lang
		GROUP BY c.lang, c.article_id, c.article_lang, c.query`, args, scan(true)); err != nil {
		return err
	}
	r.ContentGaps = []Gap{}
	for k, g := range gaps {
		g.Queries = topKeys(queries[k], MaxGapQueries)
		r.ContentGaps = append(r.ContentGaps, *g)
	}
	sort.Slice(r.ContentGaps, func(i, j int) bool {
		a, b := r.ContentGaps[i], r.ContentGaps[j]
		if a.Searches+a.Clicks != b.Searches+b.Clicks {
			return a.Searches+a.Clicks > b.Searches+b.Clicks
		}
		return a.Lang+"\x00"+a.ArticleID+"\x00"+a.ArticleLang < b.Lang+"\x00"+b.ArticleID+"\x00"+b.ArticleLang
	})
	if len(r.ContentGaps) > f.Limit {
		r.ContentGaps = r.ContentGaps[:f.Limit]
	}
	return nil
}

// topKeys returns the n keys with the highest counts, ties alphabetically.
func topKeys(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

// worstHelpful lists the article versions with the lowest share of "Yes"
// among those that got at least one "No", with their latest comments.
func (s *sqlStore) worstHelpful(ctx context.Context, f Filter, r *Report) error {
	w, args := period(f, "v", "lang")
	r.WorstHelpful = []ArticleVotes{}
	err := s.each(ctx, `SELECT v.article_id, v.lang, SUM(CASE WHEN v.helpful THEN 1 ELSE 0 END),
			SUM(CASE WHEN v.helpful THEN 0 ELSE 1 END)
		FROM votes v WHERE `+w+` GROUP BY v.article_id, v.lang`, args, func(rows *sql.Rows) error {
		var a ArticleVotes
		if err := rows.Scan(&a.ArticleID, &a.Lang, &a.Yes, &a.No); err != nil {
			return err
		}
		if a.No > 0 {
			a.Ratio = ratio(a.Yes, a.Yes+a.No)
			a.Comments = []Comment{}
			r.WorstHelpful = append(r.WorstHelpful, a)
		}
		return nil
	})
	if err != nil {
		return err
	}
	list := r.WorstHelpful
	sort.Slice(list, func(i, j int) bool {
		if list[i].Ratio != list[j].Ratio {
			return list[i].Ratio < list[j].Ratio
		}
		if list[i].No != list[j].No {
			return list[i].No > list[j].No
		}
		return list[i].Lang+"/"+list[i].ArticleID < list[j].Lang+"/"+list[j].ArticleID
	})
	if len(list) > f.Limit {
		r.WorstHelpful = list[:f.Limit]
	}
	return s.attachComments(ctx, f, r.WorstHelpful)
}

// attachComments adds the latest comments of each listed article version.
func (s *sqlStore) attachComments(ctx context.Context, f Filter, list []ArticleVotes) error {
	if len(list) == 0 {
		return nil
	}
	at := map[string]int{}
	marks := make([]string, len(list))
	w, args := period(f, "v", "")
	for i, a := range list {
		at[a.Lang+"/"+a.ArticleID] = i
		marks[i] = "?"
		args = append(args, a.Lang+"/"+a.ArticleID)
	}
	return s.each(ctx, `SELECT v.article_id, v.lang, v.ts, v.helpful, v.comment FROM votes v
		WHERE `+w+` AND v.comment <> '' AND v.lang || '/' || v.article_id IN (`+strings.Join(marks, ", ")+`)
		ORDER BY v.ts DESC, v.id DESC`, args, func(rows *sql.Rows) error {
		var id, lang, text string
		var ts int64
		var helpful bool
		if err := rows.Scan(&id, &lang, &ts, &helpful, &text); err != nil {
			return err
		}
		a := &list[at[lang+"/"+id]]
		if len(a.Comments) < MaxComments {
			a.Comments = append(a.Comments, Comment{Time: time.UnixMilli(ts).UTC(), Helpful: helpful, Text: text})
		}
		return nil
	})
}
