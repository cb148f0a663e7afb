package analytics

import (
	"context"
	"database/sql"
	"sort"
)

// suggestStats reports, per article, how often the suggest API offered it
// and how agents judged it. Feedback is counted even when its suggest call
// was not recorded (dropped, or made before analytics was on).
func (s *sqlStore) suggestStats(ctx context.Context, f Filter, r *Report) error {
	stats := map[string]*SuggestStat{}
	get := func(id string) *SuggestStat {
		if stats[id] == nil {
			stats[id] = &SuggestStat{ArticleID: id}
		}
		return stats[id]
	}
	w, args := period(f, "rq", "lang")
	err := s.each(ctx, `SELECT h.article_id, COUNT(*) FROM suggest_hits h
		JOIN suggest_requests rq ON rq.request_id = h.request_id
		WHERE `+w+` GROUP BY h.article_id`, args, func(rows *sql.Rows) error {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		get(id).Suggested = n
		return nil
	})
	if err != nil {
		return err
	}
	w, args = period(f, "fb", "")
	if f.Lang != "" {
		w += " AND fb.request_id IN (SELECT request_id FROM suggest_requests WHERE lang = ?)"
		args = append(args, f.Lang)
	}
	err = s.each(ctx, `SELECT fb.article_id, SUM(CASE WHEN fb.useful THEN 1 ELSE 0 END),
			SUM(CASE WHEN fb.useful THEN 0 ELSE 1 END)
		FROM suggest_feedback fb WHERE `+w+` GROUP BY fb.article_id`, args, func(rows *sql.Rows) error {
		var id string
		var yes, no int
		if err := rows.Scan(&id, &yes, &no); err != nil {
			return err
		}
		st := get(id)
		st.Useful, st.NotUseful = yes, no
		return nil
	})
	if err != nil {
		return err
	}
	r.Suggest = []SuggestStat{}
	for _, st := range stats {
		st.Ratio = ratio(st.Useful, st.Useful+st.NotUseful)
		r.Suggest = append(r.Suggest, *st)
	}
	// Most judged first: an article agents often reject matters more than
	// one suggested once.
	sort.Slice(r.Suggest, func(i, j int) bool {
		a, b := r.Suggest[i], r.Suggest[j]
		if a.Useful+a.NotUseful != b.Useful+b.NotUseful {
			return a.Useful+a.NotUseful > b.Useful+b.NotUseful
		}
		if a.Suggested != b.Suggested {
			return a.Suggested > b.Suggested
		}
		return a.ArticleID < b.ArticleID
	})
	if len(r.Suggest) > f.Limit {
		r.Suggest = r.Suggest[:f.Limit]
	}
	return nil
}
