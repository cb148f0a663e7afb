package analytics

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// day is the UTC date events are grouped and de-duplicated by.
func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// Write stores events in one transaction. Queries are normalised here, so
// no raw query text ever reaches the database.
func (s *sqlStore) Write(ctx context.Context, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("analytics: write: %w", err)
	}
	defer tx.Rollback()
	for _, e := range events {
		if err := s.writeOne(ctx, tx, e); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("analytics: write: %w", err)
	}
	return nil
}

func (s *sqlStore) writeOne(ctx context.Context, tx *sql.Tx, e Event) error {
	ts, d := e.At().UnixMilli(), day(e.At())
	var err error
	switch e := e.(type) {
	case Search:
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO searches
			(ts, day, source, agent, lang, query, total, correction, fallback, top_article, top_lang, took_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			ts, d, e.Source, e.Agent, e.Lang, Normalize(e.Query), e.Total, e.Correction, e.Fallback,
			e.TopArticle, e.TopLang, e.TookMS)
	case Click:
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO clicks
			(ts, day, lang, query, target, rank, article_id, article_lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
			ts, d, e.Lang, Normalize(e.Query), e.Target, e.Rank, e.ArticleID, e.ArticleLang)
	case Vote:
		// A second vote of the same visitor on the same day replaces the
		// first (a change of mind, or a comment sent after "No"); an empty
		// comment does not erase an earlier one.
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO votes (ts, day, article_id, lang, visitor, helpful, comment)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id, lang, day, visitor) DO UPDATE SET
				ts = excluded.ts, helpful = excluded.helpful,
				comment = CASE WHEN excluded.comment <> '' THEN excluded.comment ELSE votes.comment END`),
			ts, d, e.ArticleID, e.Lang, e.Visitor, e.Helpful, truncateRunes(e.Comment, MaxCommentRunes))
	case Suggest:
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO suggest_requests (request_id, ts, day, agent, lang, detected_lang, took_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING`),
			e.RequestID, ts, d, e.Agent, e.Lang, e.DetectedLang, e.TookMS)
		for i, id := range e.ArticleIDs {
			if err != nil {
				break
			}
			_, err = tx.ExecContext(ctx, s.q(`INSERT INTO suggest_hits (request_id, rank, article_id, ts)
				VALUES (?, ?, ?, ?) ON CONFLICT (request_id, rank) DO NOTHING`), e.RequestID, i+1, id, ts)
		}
	case SuggestFeedback:
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO suggest_feedback (ts, day, request_id, article_id, agent, useful)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (request_id, article_id) DO UPDATE SET ts = excluded.ts, useful = excluded.useful`),
			ts, d, e.RequestID, e.ArticleID, e.Agent, e.Useful)
	default:
		return fmt.Errorf("analytics: unknown event %T", e)
	}
	if err != nil {
		return fmt.Errorf("analytics: write %T: %w", e, err)
	}
	return nil
}

func truncateRunes(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
