package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/themes"
)

// pages holds the parsed templates, UI strings and static assets of the
// theme. Templates are parsed once per language so that T, plural and date
// are bound at start-up instead of cloned on every request.
type pages struct {
	tmpl    map[string]map[string]*template.Template // lang → page name → layout + partials + page
	strings map[string]map[string]string             // lang → key → text
	assets  *assets
}

// pageNames are the page templates every theme provides.
var pageNames = []string{"home", "category", "article", "search", "notfound", "agent"}

func newPages(theme fs.FS) (*pages, error) {
	p := &pages{tmpl: map[string]map[string]*template.Template{}, strings: map[string]map[string]string{}}
	for _, lang := range spravka.Languages {
		strs, err := loadStrings(theme, lang)
		if err != nil {
			return nil, err
		}
		p.strings[lang] = strs
	}
	a, err := loadAssets(theme)
	if err != nil {
		return nil, err
	}
	p.assets = a
	layout, err := fs.ReadFile(theme, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	partials, err := readPartials(theme)
	if err != nil {
		return nil, err
	}
	for _, lang := range spravka.Languages {
		p.tmpl[lang] = map[string]*template.Template{}
		for _, name := range pageNames {
			body, err := fs.ReadFile(theme, "templates/"+name+".html")
			if err != nil {
				return nil, fmt.Errorf("theme: %w", err)
			}
			t := template.New("layout").Funcs(p.funcs(lang))
			if _, err := t.Parse(string(layout)); err != nil {
				return nil, fmt.Errorf("theme: templates/layout.html: %w", err)
			}
			for _, part := range partials {
				if _, err := t.Parse(part.text); err != nil {
					return nil, fmt.Errorf("theme: %s: %w", part.name, err)
				}
			}
			if _, err := t.Parse(string(body)); err != nil {
				return nil, fmt.Errorf("theme: templates/%s.html: %w", name, err)
			}
			p.tmpl[lang][name] = t
		}
	}
	return p, nil
}

// loadStrings reads the theme's UI strings of lang over the default theme's,
// so an override file needs only the keys it changes (Hugo merges i18n the
// same way).
func loadStrings(theme fs.FS, lang string) (map[string]string, error) {
	out := map[string]string{}
	for _, fsys := range []fs.FS{themes.Default(), theme} {
		b, err := fs.ReadFile(fsys, "i18n/"+lang+".json")
		if err != nil {
			return nil, fmt.Errorf("theme: UI strings for %s: %w", lang, err)
		}
		if err := json.Unmarshal(b, &out); err != nil {
			return nil, fmt.Errorf("theme: i18n/%s.json: %w", lang, err)
		}
	}
	return out, nil
}

type partial struct{ name, text string }

// readPartials returns templates/partials/*.html, the templates every page
// can call. (Not files starting with "_": go:embed leaves those out.)
func readPartials(theme fs.FS) ([]partial, error) {
	entries, err := fs.ReadDir(theme, "templates/partials")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("theme: templates/partials: %w", err)
	}
	var out []partial
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".html" {
			continue
		}
		name := "templates/partials/" + e.Name()
		b, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		out = append(out, partial{name: name, text: string(b)})
	}
	return out, nil
}

func (p *pages) funcs(lang string) template.FuncMap {
	strs := func(key string) string { return p.strings[lang][key] }
	return template.FuncMap{
		"T":        func(key string) string { return orKey(strs(key), key) },
		"plural":   func(key string, n int) string { return pluralize(strs, lang, key, n) },
		"date":     func(t any) string { return localDate(strs, t) },
		"isodate":  isoDate,
		"langName": langName,
		"asset":    p.assets.url,
		"trust":    func(s string) template.HTML { return template.HTML(s) }, // only for HTML we produced: rendered Markdown and escaped snippets
		"join":     strings.Join,
		"dict":     dict,
	}
}

func orKey(s, key string) string {
	if s == "" {
		return key
	}
	return s
}

// render executes page name in v.Lang into w with status. The body is built
// in memory first so that a template error still yields a clean 500.
func (p *pages) render(w http.ResponseWriter, status int, name string, v view) error {
	byName, ok := p.tmpl[v.Lang]
	if !ok {
		byName = p.tmpl["en"]
	}
	if v.LangLinks == nil {
		for _, l := range v.Langs {
			v.LangLinks = append(v.LangLinks, langLink{Lang: l, URL: "/" + l + "/", Current: l == v.Lang})
		}
	}
	v.Page = name
	var buf bytes.Buffer
	if err := byName[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// dict builds a map from key, value pairs, so a template can pass several
// values to a partial.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict needs key, value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
