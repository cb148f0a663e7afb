package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// assets are the theme's static files, held in memory and served under
// content-hashed names (/static/style.3f2a9c1d0b.css) that may be cached
// for a year: a changed file gets a new name, so a deploy never serves a
// stale stylesheet. The plain name still works, revalidated every time,
// for links from outside (a mail template's logo).
type assets struct {
	byName   map[string]*asset // plain path under static/ → file
	byHashed map[string]*asset // hashed path → file
}

type asset struct {
	hashed string // path with the hash before the extension
	etag   string
	ctype  string
	body   []byte
}

// immutable is the Cache-Control of content-hashed files.
const immutable = "public, max-age=31536000, immutable"

func loadAssets(theme fs.FS) (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byHashed: map[string]*asset{}}
	err := fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:5])
		ext := path.Ext(name)
		f := &asset{hashed: strings.TrimSuffix(name, ext) + "." + h + ext, etag: `"` + h + `"`,
			ctype: contentType(ext), body: body}
		a.byName[name], a.byHashed[f.hashed] = f, f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("theme: static files: %w", err)
	}
	return a, nil
}

func contentType(ext string) string {
	switch ext {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".ico":
		return "image/x-icon"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// url is the template function asset: the hashed URL of a static file. A
// name the theme lacks panics at render time in a way the page adapter
// reports, so it is kept visible instead of silently broken.
func (a *assets) url(name string) (string, error) {
	f, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("theme has no static/%s", name)
	}
	return "/static/" + f.hashed, nil
}

// static serves /static/: hashed names with a year of caching, plain names
// with revalidation.
func (s *Server) static() http.Handler {
	a := s.pages.assets
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		f, ok := a.byHashed[name]
		cache := immutable
		if !ok {
			f, ok = a.byName[name]
			cache = "no-cache"
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.ctype)
		h.Set("Cache-Control", cache)
		h.Set("ETag", f.etag)
		if etagMatches(r.Header.Get("If-None-Match"), f.etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if r.Method != http.MethodHead {
			_, _ = w.Write(f.body)
		}
	})
}
