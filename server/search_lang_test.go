package server_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestSearchWithoutLang checks, on the sample help center, that a short
// query without lang is answered in its own language, not searched as
// English and answered by a fallback.
func TestSearchWithoutLang(t *testing.T) {
	s := openSample(t)
	tests := []struct {
		q, acceptLanguage string
		want              string // the language of the result and of every hit
	}{
		{"сбросить пароль", "", "ru"},
		{"забравена парола", "", "bg"},
		{"змінити пароль", "", "uk"},
		{"reset password", "", "en"},
		// Ambiguous between Russian and Ukrainian: the visitor's languages
		// decide, skipping those the word cannot be (Bulgarian writes парола).
		{"пароль", "bg, uk;q=0.8, ru;q=0.5", "uk"},
		{"пароль", "ru-RU,ru;q=0.9,en;q=0.8", "ru"},
		// Bulgarian and Ukrainian both say фактура, and so does Russian
		// accounting; only the Bulgarian articles use the word.
		{"фактура", "bg", "bg"},
	}
	for _, tt := range tests {
		t.Run(tt.q+"/"+tt.acceptLanguage, func(t *testing.T) {
			var r struct {
				searchResult
				Fallback bool `json:"fallback"`
			}
			getJSON(t, s.srv.URL+"/api/v1/search?q="+url.QueryEscape(tt.q), &r, "Accept-Language", tt.acceptLanguage)
			if r.Lang != tt.want || r.Fallback || len(r.Hits) == 0 {
				t.Fatalf("lang %q, fallback %v, %d hits; want %s hits without fallback", r.Lang, r.Fallback, len(r.Hits), tt.want)
			}
			for _, h := range r.Hits {
				if h.Lang != tt.want {
					t.Errorf("hit %s in %s, want %s", h.ID, h.Lang, tt.want)
				}
			}
		})
	}
}

// TestAutocompleteWithoutLang checks that a Cyrillic prefix without lang
// is completed from the titles of its own language.
func TestAutocompleteWithoutLang(t *testing.T) {
	s := openSample(t)
	tests := []struct{ q, want string }{
		{"как сбр", "/ru/"},
		{"як скину", "/uk/"},
		{"забравих пар", "/bg/"},
		{"как да нул", "/bg/"},
		{"reset pass", "/en/"},
	}
	for _, tt := range tests {
		var r struct {
			Suggestions []struct{ ID, Title, URL string } `json:"suggestions"`
		}
		getJSON(t, s.srv.URL+"/api/v1/autocomplete?q="+url.QueryEscape(tt.q), &r)
		if len(r.Suggestions) == 0 {
			t.Errorf("%q: no suggestions", tt.q)
		}
		for _, sg := range r.Suggestions {
			if !strings.HasPrefix(sg.URL, tt.want) {
				t.Errorf("%q: suggestion %s, want only %s articles", tt.q, sg.URL, tt.want)
			}
		}
	}
}

// TestAnalyticsRecordsDetectedLang checks that a search without lang is
// recorded in the language it was answered in, so the content-gap report
// does not list it as an English query answered in another language.
func TestAnalyticsRecordsDetectedLang(t *testing.T) {
	s := openSample(t)
	site := newAnalyticsSiteOver(t, s.eng, nil)
	queries := map[string]string{"сбросить пароль": "ru", "змінити пароль": "uk", "забравена парола": "bg"}
	for q := range queries {
		if status, body, _ := site.do(t, "GET", "/api/v1/search?q="+url.QueryEscape(q), "", ""); status != 200 {
			t.Fatalf("%q: status %d: %.200s", q, status, body)
		}
	}
	if r := site.report(t, ""); len(r.ContentGaps) != 0 {
		t.Errorf("content gaps %+v; want none: every query was answered in its own language", r.ContentGaps)
	}
	for q, lang := range queries {
		r := site.report(t, lang)
		if len(r.TopQueries) != 1 || r.TopQueries[0].Query != q {
			t.Errorf("%s report: top queries %+v, want just %q", lang, r.TopQueries, q)
		}
	}
}
