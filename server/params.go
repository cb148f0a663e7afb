package server

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/spravka/spravka"
)

// searchParams reads and validates the query parameters shared by the search
// API and the search page. Every violation is a 400 with a message that says
// which parameter and why.
func searchParams(v url.Values) (spravka.Query, error) {
	q := spravka.Query{
		Text:     strings.TrimSpace(v.Get("q")),
		Lang:     v.Get("lang"),
		Category: v.Get("category"),
		Tag:      v.Get("tag"),
		Product:  v.Get("product"),
		Page:     1,
		PerPage:  spravka.DefaultPerPage,
	}
	if !utf8.ValidString(q.Text) {
		return q, spravka.Errorf(spravka.ErrBadQuery, "q must be valid UTF-8")
	}
	if n := utf8.RuneCountInString(q.Text); n > spravka.MaxQueryRunes {
		return q, spravka.Errorf(spravka.ErrBadQuery, "q is %d characters long; the limit is %d", n, spravka.MaxQueryRunes)
	}
	if q.Lang != "" && !spravka.IsLanguage(q.Lang) {
		return q, spravka.Errorf(spravka.ErrBadQuery, "unknown lang %q; use one of %s", q.Lang, strings.Join(spravka.Languages, ", "))
	}
	var err error
	if q.Facets, err = boolParam(v, "facets"); err != nil {
		return q, err
	}
	if q.Page, err = intParam(v, "page", 1, 1, 1000); err != nil {
		return q, err
	}
	if q.PerPage, err = intParam(v, "per_page", spravka.DefaultPerPage, 1, spravka.MaxPerPage); err != nil {
		return q, err
	}
	return q, nil
}

// intParam parses an integer parameter within [lo, hi], def when absent.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, spravka.Errorf(spravka.ErrBadQuery, "%s must be a whole number, got %q", name, s)
	}
	if n < lo || n > hi {
		return 0, spravka.Errorf(spravka.ErrBadQuery, "%s must be between %d and %d, got %d", name, lo, hi, n)
	}
	return n, nil
}

// boolParam parses an optional true/false parameter; absent is false.
func boolParam(v url.Values, name string) (bool, error) {
	switch s := v.Get(name); s {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	default:
		return false, spravka.Errorf(spravka.ErrBadQuery, "%s must be true or false, got %q", name, s)
	}
}

// maxAcceptLanguage bounds the Accept-Language header spravka reads;
// browsers send a few dozen bytes.
const maxAcceptLanguage = 1024

// acceptLanguages returns the product languages the request's
// Accept-Language names, best first. A header that does not parse, or is
// longer than maxAcceptLanguage, names none.
func acceptLanguages(r *http.Request) []string {
	h := r.Header.Get("Accept-Language")
	if h == "" || len(h) > maxAcceptLanguage {
		return nil
	}
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil {
		return nil
	}
	var out []string
	for _, t := range tags {
		base, _ := t.Base()
		if l := base.String(); spravka.IsLanguage(l) && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// langParam validates an optional lang parameter.
func langParam(r *http.Request, def string) (string, error) {
	l := r.URL.Query().Get("lang")
	if l == "" {
		return def, nil
	}
	if !spravka.IsLanguage(l) {
		return "", spravka.Errorf(spravka.ErrBadQuery, "unknown lang %q; use one of %s", l, strings.Join(spravka.Languages, ", "))
	}
	return l, nil
}
