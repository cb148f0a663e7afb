package server_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// rawClient does not add Accept-Encoding or decompress, so tests see the
// bytes on the wire.
var rawClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

func rawGet(t *testing.T, u string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := rawClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func TestSecurityHeaders(t *testing.T) {
	s := openSample(t)
	for _, p := range []string{"/ru/", "/ru/account/reset-password", "/ru/search?q=x", "/ru/nope/", "/sitemap.xml"} {
		resp, _ := rawGet(t, s.srv.URL+p, nil)
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: X-Content-Type-Options %q, Referrer-Policy %q", p, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
	}
}

func TestGzipAndETag(t *testing.T) {
	s := openSample(t)
	u := s.srv.URL + "/ru/account/reset-password"
	plain, body := rawGet(t, u, nil)
	if plain.Header.Get("Content-Encoding") != "" {
		t.Error("compressed without Accept-Encoding")
	}
	zipped, zbody := rawGet(t, u, map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	if zipped.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(zipped.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("Content-Encoding %q, Vary %q", zipped.Header.Get("Content-Encoding"), zipped.Header.Get("Vary"))
	}
	zr, err := gzip.NewReader(strings.NewReader(string(zbody)))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if string(unzipped) != string(body) || len(zbody) >= len(body)/2 {
		t.Errorf("gzip body: %d bytes for %d, same content %v", len(zbody), len(body), string(unzipped) == string(body))
	}
	etag := plain.Header.Get("ETag")
	if etag == "" || zipped.Header.Get("ETag") != etag {
		t.Fatalf("ETag %q / %q", etag, zipped.Header.Get("ETag"))
	}
	again, b := rawGet(t, u, map[string]string{"If-None-Match": etag})
	if again.StatusCode != http.StatusNotModified || len(b) != 0 {
		t.Errorf("If-None-Match: status %d with %d bytes, want 304 and none", again.StatusCode, len(b))
	}
	if other, _ := rawGet(t, s.srv.URL+"/ru/", map[string]string{"If-None-Match": etag}); other.StatusCode != 200 {
		t.Errorf("another page's ETag gave %d", other.StatusCode)
	}
}

func TestStaticAssetsAreHashedAndCached(t *testing.T) {
	s := openSample(t)
	_, doc := page(t, s, "/ru/account/reset-password")
	css := doc.Find(`link[rel=stylesheet]`).AttrOr("href", "")
	js := doc.Find(`script[src]`).AttrOr("src", "")
	for _, asset := range []string{css, js} {
		if !strings.HasPrefix(asset, "/static/") || strings.Count(asset, ".") < 2 {
			t.Fatalf("asset %q is not content-hashed", asset)
		}
		resp, _ := rawGet(t, s.srv.URL+asset, nil)
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: %d Cache-Control %q", asset, resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
	}
	resp, _ := rawGet(t, s.srv.URL+"/static/style.css", nil)
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("plain name: %d Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	if resp, _ := rawGet(t, s.srv.URL+"/static/style.0000000000.css", nil); resp.StatusCode != 404 {
		t.Errorf("unknown hash answers %d", resp.StatusCode)
	}
}

// TestArticlePageWeight checks the budget on the biggest public article:
// HTML, CSS and JS together at most 60 KB uncompressed, and every
// resource from this host.
func TestArticlePageWeight(t *testing.T) {
	s := openSample(t)
	biggest := ""
	for _, a := range s.corpus.Articles {
		if a.IsPublic() && (biggest == "" || len(a.HTML) > len(byURL(s, biggest).HTML)) {
			biggest = a.URL()
		}
	}
	for _, p := range []string{biggest, "/ru/account/reset-password"} {
		resp, html := rawGet(t, s.srv.URL+p, nil)
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(html)))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v", p, resp.StatusCode, err)
		}
		total := len(html)
		doc.Find(`link[rel=stylesheet], script[src], img[src], link[rel=icon]`).Each(func(_ int, sel *goquery.Selection) {
			ref := sel.AttrOr("href", sel.AttrOr("src", ""))
			u, err := url.Parse(ref)
			if err != nil || u.Host != "" || !strings.HasPrefix(ref, "/") {
				t.Errorf("%s loads %q from another host", p, ref)
				return
			}
			r, b := rawGet(t, s.srv.URL+ref, nil)
			if r.StatusCode != 200 {
				t.Errorf("%s: %s answers %d", p, ref, r.StatusCode)
			}
			if sel.Is("link[rel=stylesheet], script") {
				total += len(b)
			}
		})
		if total > 60*1024 {
			t.Errorf("%s weighs %d bytes of HTML+CSS+JS, budget 61440", p, total)
		}
		t.Logf("%s: %d bytes HTML+CSS+JS (HTML %d)", p, total, len(html))
	}
}
