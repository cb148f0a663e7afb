package analytics

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// period is the WHERE clause of a report query over the table alias t, with
// its arguments; langCol names the language column ("" = not filtered).
func period(f Filter, t, langCol string) (string, []any) {
	w := t + ".ts >= ? AND " + t + ".ts < ?"
	args := []any{f.Since.UnixMilli(), f.Until.UnixMilli()}
	if f.Lang != "" && langCol != "" {
		w += " AND " + t + "." + langCol + " = ?"
		args = append(args, f.Lang)
	}
	return w, args
}

// each runs query and calls scan for every row.
func (s *sqlStore) each(ctx context.Context, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return fmt.Errorf("analytics: report: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("analytics: report: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("analytics: report: %w", err)
	}
	return nil
}

func (s *sqlStore) one(ctx context.Context, query string, args []any, dst ...any) error {
	if err := s.db.QueryRowContext(ctx, s.q(query), args...).Scan(dst...); err != nil {
		return fmt.Errorf("analytics: report: %w", err)
	}
	return nil
}

func (s *sqlStore) summary(ctx context.Context, f Filter, r *Report) error {
	sum := &r.Summary
	w, args := period(f, "s", "lang")
	if err := s.one(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN s.total = 0 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN s.source = 'site' THEN 1 ELSE 0 END), 0) FROM searches s WHERE `+w, args,
		&sum.Searches, &sum.ZeroResults, &sum.SiteSearches); err != nil {
		return err
	}
	w, args = period(f, "c", "lang")
	if err := s.one(ctx, `SELECT COUNT(*) FROM clicks c WHERE `+w, args, &sum.Clicks); err != nil {
		return err
	}
	w, args = period(f, "v", "lang")
	if err := s.one(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN v.helpful THEN 1 ELSE 0 END), 0) FROM votes v WHERE `+w, args,
		&sum.Votes, &sum.Helpful); err != nil {
		return err
	}
	w, args = period(f, "r", "lang")
	if err := s.one(ctx, `SELECT COUNT(*) FROM suggest_requests r WHERE `+w, args, &sum.SuggestCalls); err != nil {
		return err
	}
	w, args = period(f, "fb", "")
	if f.Lang != "" {
		w += " AND fb.request_id IN (SELECT request_id FROM suggest_requests WHERE lang = ?)"
		args = append(args, f.Lang)
	}
	if err := s.one(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN fb.useful THEN 1 ELSE 0 END), 0) FROM suggest_feedback fb WHERE `+w, args,
		&sum.SuggestFeedback, &sum.SuggestUseful); err != nil {
		return err
	}
	sum.ZeroRate = ratio(sum.ZeroResults, sum.Searches)
	sum.ClickRate = ratio(sum.Clicks, sum.SiteSearches)
	sum.HelpfulRate = ratio(sum.Helpful, sum.Votes)
	return nil
}

// queryStats lists queries grouped by text and language, most frequent
// first; cond (with its arguments) narrows the searches counted.
func (s *sqlStore) queryStats(ctx context.Context, f Filter, cond string, condArgs ...any) ([]QueryStat, error) {
	w, args := period(f, "s", "lang")
	cw, cargs := period(Filter{Since: f.Since, Until: f.Until}, "c", "")
	all := append(append(append(cargs, args...), condArgs...), f.Limit)
	out := []QueryStat{}
	err := s.each(ctx, `SELECT s.query, s.lang, COUNT(*) AS n, CAST(AVG(s.total) AS DOUBLE PRECISION), MAX(s.ts),
			(SELECT COUNT(*) FROM clicks c WHERE c.query = s.query AND c.lang = s.lang AND `+cw+`)
		FROM searches s WHERE `+w+cond+`
		GROUP BY s.query, s.lang ORDER BY n DESC, s.query, s.lang LIMIT ?`, all,
		func(rows *sql.Rows) error {
			var q QueryStat
			var last int64
			if err := rows.Scan(&q.Query, &q.Lang, &q.Searches, &q.AvgResults, &last, &q.Clicks); err != nil {
				return err
			}
			q.LastSeen = time.UnixMilli(last).UTC()
			out = append(out, q)
			return nil
		})
	return out, err
}

func (s *sqlStore) topQueries(ctx context.Context, f Filter, r *Report) (err error) {
	r.TopQueries, err = s.queryStats(ctx, f, "")
	return err
}

func (s *sqlStore) zeroResults(ctx context.Context, f Filter, r *Report) (err error) {
	r.ZeroResults, err = s.queryStats(ctx, f, " AND s.total = 0")
	return err
}

// noClicks lists site searches that had results but whose query was never
// followed by a click in the period: the results did not look like answers.
func (s *sqlStore) noClicks(ctx context.Context, f Filter, r *Report) (err error) {
	r.NoClicks, err = s.queryStats(ctx, f, ` AND s.source = 'site' AND s.total > 0 AND NOT EXISTS (
		SELECT 1 FROM clicks x WHERE x.query = s.query AND x.lang = s.lang AND x.ts >= ? AND x.ts < ?)`,
		f.Since.UnixMilli(), f.Until.UnixMilli())
	return err
}

func (s *sqlStore) volume(ctx context.Context, f Filter, r *Report) error {
	w, args := period(f, "s", "lang")
	byDay := map[string]DayVolume{}
	err := s.each(ctx, `SELECT s.day, COUNT(*), COALESCE(SUM(CASE WHEN s.total = 0 THEN 1 ELSE 0 END), 0)
		FROM searches s WHERE `+w+` GROUP BY s.day`, args, func(rows *sql.Rows) error {
		var d DayVolume
		if err := rows.Scan(&d.Day, &d.Searches, &d.ZeroResults); err != nil {
			return err
		}
		byDay[d.Day] = d
		return nil
	})
	if err != nil {
		return err
	}
	r.Volume = fillDays(f.Since, f.Until, byDay)
	return nil
}

// fillDays lists every day of the period, zero where nothing happened, so
// that a chart shows quiet days as quiet rather than skipping them.
func fillDays(since, until time.Time, byDay map[string]DayVolume) []DayVolume {
	out := []DayVolume{}
	start := since.UTC().Truncate(24 * time.Hour)
	if since.IsZero() || until.Sub(start) > 3*366*24*time.Hour {
		start = until.UTC().Truncate(24*time.Hour).AddDate(0, 0, -365)
	}
	for d := start; d.Before(until); d = d.AddDate(0, 0, 1) {
		key := d.Format(time.DateOnly)
		v, ok := byDay[key]
		if !ok {
			v = DayVolume{Day: key}
		}
		out = append(out, v)
	}
	return out
}
