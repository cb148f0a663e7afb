package server

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// adminFiles is the admin page: its own template and stylesheet, not the
// theme's, so a theme override cannot break or restyle the admin.
//
//go:embed admin.html admin.css
var adminFiles embed.FS

var (
	errAdminOff  = spravka.Errorf(spravka.ErrNotFound, "page not found")
	errCrossSite = spravka.Errorf(spravka.ErrBadQuery, "form posts from other sites are not accepted")
)

// adminPeriods are the periods the page offers.
var adminPeriods = []string{"7d", "30d", "90d", "180d"}

// adminView is the data of admin.html.
type adminView struct {
	SiteName string
	Login    bool   // show the login form
	Message  string // login error
	Off      bool   // analytics is not configured
	Since    string
	Lang     string
	Langs    []string
	Periods  []string
	Report   *analytics.Report
	Gaps     []adminGap
	Worst    []adminArticle
	Chart    chart
}

// adminGap is a content gap with what the library says about it now.
type adminGap struct {
	analytics.Gap
	URL string // the article that answered, in its language
	// Translated says a version in Lang exists now: written since, or its
	// words do not match what customers type.
	Translated bool
}

type adminArticle struct {
	analytics.ArticleVotes
	URL string
}

func parseAdminTemplate() (*template.Template, error) {
	return template.New("admin.html").Funcs(template.FuncMap{
		"pct":  func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
		"date": func(t time.Time) string { return t.Format(time.DateOnly) },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
	}).ParseFS(adminFiles, "admin.html")
}

// renderAdmin writes the dashboard; it is never cached, as it shows
// what only the admin may see.
func (s *Server) renderAdmin(w http.ResponseWriter, status int, v adminView) error {
	var buf bytes.Buffer
	if err := s.adminTmpl.Execute(&buf, v); err != nil {
		return fmt.Errorf("admin page: %w", err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

func (s *Server) renderAdminLogin(w http.ResponseWriter, status int, message string) error {
	return s.renderAdmin(w, status, adminView{SiteName: s.cfg.SiteName, Login: true, Message: message})
}

func (s *Server) handleAdminCSS(w http.ResponseWriter, r *http.Request) error {
	b, err := adminFiles.ReadFile("admin.css")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err = w.Write(b)
	return err
}

// handleAdmin serves the analytics dashboard to the admin.
func (s *Server) handleAdmin(w http.ResponseWriter, r *http.Request) error {
	if !s.adminOn() {
		return errAdminOff
	}
	if !s.adminToken(r) {
		return s.renderAdminLogin(w, http.StatusUnauthorized, "")
	}
	f, since, lang, err := adminFilter(r)
	if err != nil {
		return err
	}
	v := adminView{SiteName: s.cfg.SiteName, Since: since, Lang: lang, Langs: spravka.Languages, Periods: adminPeriods}
	if s.cfg.Reports == nil {
		v.Off = true
		return s.renderAdmin(w, http.StatusOK, v)
	}
	rep, err := s.cfg.Reports.Report(r.Context(), f)
	if err != nil {
		return err
	}
	v.Report, v.Chart = rep, volumeChart(rep.Volume)
	v.Gaps, v.Worst = s.adminGaps(r.Context(), rep.ContentGaps), s.adminArticles(r.Context(), rep.WorstHelpful)
	return s.renderAdmin(w, http.StatusOK, v)
}

// handleAdminExport serves the same report as CSV or JSON for spreadsheets
// and scripts: /admin/report.csv, /admin/report.json.
func (s *Server) handleAdminExport(format string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !s.adminOn() {
			return errAdminOff
		}
		if !s.adminToken(r) {
			return spravka.Errorf(spravka.ErrUnauthorized, "the report needs the admin token")
		}
		if s.cfg.Reports == nil {
			return spravka.Errorf(spravka.ErrNotFound, "analytics is not configured")
		}
		f, _, _, err := adminFilter(r)
		if err != nil {
			return err
		}
		rep, err := s.cfg.Reports.Report(r.Context(), f)
		if err != nil {
			return err
		}
		ctype := map[string]string{"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}[format]
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Disposition", `attachment; filename="spravka-report.`+format+`"`)
		return analytics.Write(w, rep, format)
	}
}

// adminFilter reads ?since=30d&lang=uk.
func adminFilter(r *http.Request) (analytics.Filter, string, string, error) {
	q := r.URL.Query()
	since, lang := q.Get("since"), q.Get("lang")
	if since == "" {
		since = "30d"
	}
	start, err := analytics.ParseSince(since, time.Now())
	if err != nil {
		return analytics.Filter{}, "", "", spravka.Errorf(spravka.ErrBadQuery, "%s", err.Error())
	}
	if lang != "" && !spravka.IsLanguage(lang) {
		return analytics.Filter{}, "", "", spravka.Errorf(spravka.ErrBadQuery, "unknown lang %q", lang)
	}
	return analytics.Filter{Since: start, Lang: lang}, since, lang, nil
}

func (s *Server) adminGaps(ctx context.Context, gaps []analytics.Gap) []adminGap {
	out := make([]adminGap, 0, len(gaps))
	for _, g := range gaps {
		ag := adminGap{Gap: g}
		if a, err := s.engine.Article(ctx, g.ArticleID, g.ArticleLang, spravka.Access{Preview: true}); err == nil {
			ag.URL = a.URL()
		}
		_, err := s.engine.Article(ctx, g.ArticleID, g.Lang, spravka.Access{Preview: true})
		ag.Translated = err == nil
		out = append(out, ag)
	}
	return out
}

func (s *Server) adminArticles(ctx context.Context, list []analytics.ArticleVotes) []adminArticle {
	out := make([]adminArticle, 0, len(list))
	for _, a := range list {
		aa := adminArticle{ArticleVotes: a}
		if art, err := s.engine.Article(ctx, a.ArticleID, a.Lang, spravka.Access{Preview: true}); err == nil {
			aa.URL = art.URL()
		}
		out = append(out, aa)
	}
	return out
}
