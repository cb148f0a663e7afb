package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/spravka/spravka"
)

// pages holds the parsed templates and UI strings of the theme.
type pages struct {
	tmpl    map[string]*template.Template // page name → layout + page
	strings map[string]map[string]string  // lang → key → text
	static  fs.FS
}

// pageNames are the page templates every theme provides.
var pageNames = []string{"home", "category", "article", "search", "notfound", "agent"}

func newPages(theme fs.FS) (*pages, error) {
	p := &pages{tmpl: map[string]*template.Template{}, strings: map[string]map[string]string{}}
	for _, lang := range spravka.Languages {
		b, err := fs.ReadFile(theme, "i18n/"+lang+".json")
		if err != nil {
			return nil, fmt.Errorf("theme: UI strings for %s: %w", lang, err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("theme: i18n/%s.json: %w", lang, err)
		}
		p.strings[lang] = m
	}
	layout, err := fs.ReadFile(theme, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for _, name := range pageNames {
		body, err := fs.ReadFile(theme, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		t := template.New("layout").Funcs(p.funcs())
		if _, err := t.Parse(string(layout)); err != nil {
			return nil, fmt.Errorf("theme: templates/layout.html: %w", err)
		}
		if _, err := t.Parse(string(body)); err != nil {
			return nil, fmt.Errorf("theme: templates/%s.html: %w", name, err)
		}
		p.tmpl[name] = t
	}
	static, err := fs.Sub(theme, "static")
	if err != nil {
		return nil, err
	}
	p.static = static
	return p, nil
}

func (p *pages) funcs() template.FuncMap {
	return template.FuncMap{
		// T is replaced per request with the page's language; this stub lets
		// templates parse.
		"T":     func(key string) string { return key },
		"trust": func(s string) template.HTML { return template.HTML(s) }, // only for HTML we produced: rendered Markdown and escaped snippets
		"join":  strings.Join,
		"date":  func(t any) string { return fmt.Sprint(t) },
	}
}

// view is the data every page template gets.
type view struct {
	Lang      string
	Langs     []string
	SiteName  string
	Title     string
	Canonical string
	Query     string
	Data      any
}

// render executes page name for lang into w with status.
func (p *pages) render(w http.ResponseWriter, status int, name string, v view) error {
	t, err := p.tmpl[name].Clone()
	if err != nil {
		return err
	}
	strs := p.strings[v.Lang]
	t.Funcs(template.FuncMap{"T": func(key string) string {
		if s, ok := strs[key]; ok {
			return s
		}
		return key
	}})
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err = buf.WriteTo(w)
	return err
}

func (s *Server) static() http.Handler {
	return http.StripPrefix("/static/", http.FileServer(http.FS(s.pages.static)))
}

// langOf picks the page language from Accept-Language, else the default.
func (s *Server) langOf(r *http.Request) string {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		base := strings.ToLower(strings.SplitN(tag, "-", 2)[0])
		if spravka.IsLanguage(base) {
			return base
		}
	}
	return s.cfg.DefaultLang
}

func cleanPath(p string) string { return path.Clean("/" + p) }
