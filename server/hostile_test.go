package server_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// hostileContent is a help center with unsafe_html on and two articles of
// raw HTML meant to run script in whoever shows them: one public, one
// internal (which the agent page opens in place with innerHTML).
const hostileContent = `
-- billing/_index.en.md --
---
title: Billing
---
-- billing/hostile.en.md --
---
title: Hostile public article
---
Refund words.<script>window.pwned = 1</script>

<iframe src="https://evil.example/"></iframe>

<a href="javascript:window.pwned=3" onclick="window.pwned=4">click me</a> [md link](javascript:window.pwned=5)

<img src="/static/logo.svg" onerror="window.pwned=2"><div class="note" onmouseover="window.pwned=6">Note</div>
-- billing/hostile-internal.en.md --
---
title: Hostile refund procedure
audience: internal
---
Refund procedure for agents: approve refunds over 500 euros.<script>window.pwned = 1</script>

<iframe src="/en/"></iframe><iframe srcdoc="<script>parent.pwned=7</script>"></iframe>

<a href="javascript:window.pwned=3" onclick="window.pwned=4">click me</a>

<img src="/static/logo.svg" onerror="window.pwned=2"><div class="note" onmouseover="window.pwned=6">Note</div>
`

// hostileBanned must not appear in any article HTML the server hands out.
var hostileBanned = []string{"<script", "<iframe", "onclick", "onerror", "onmouseover", "javascript:", "srcdoc", "evil.example"}

var (
	hostileOnce sync.Once
	hostileEng  *search.Engine
	hostileErr  error
)

// openHostile indexes hostileContent once, with raw HTML allowed, and
// serves it with an l1 agent (tokL1).
func openHostile(t *testing.T) *httptest.Server {
	t.Helper()
	hostileOnce.Do(func() {
		quiet := slog.New(slog.DiscardHandler)
		dir, err := mkdirTemp()
		if err != nil {
			hostileErr = err
			return
		}
		fsys := fstest.MapFS{}
		for _, f := range txtar.Parse([]byte(hostileContent)).Files {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
		if hostileEng, hostileErr = search.Open(search.Config{DataDir: dir, DefaultLang: "en", Logger: quiet}); hostileErr != nil {
			return
		}
		_, hostileErr = indexer.Build(context.Background(), hostileEng, fsys, indexer.Options{DefaultLang: "en", UnsafeHTML: true}, nil)
	})
	if hostileErr != nil {
		t.Fatal(hostileErr)
	}
	srv, err := server.New(server.Config{Theme: themes.Default(), Logger: slog.New(slog.DiscardHandler), Agents: testAgents()}, hostileEng)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// TestHostileHTMLIsSanitisedEverywhere: with unsafe_html on, the article
// API gives the same sanitised HTML as the article page, to anonymous
// callers and agents alike.
func TestHostileHTMLIsSanitisedEverywhere(t *testing.T) {
	base := openHostile(t).URL
	tests := []struct{ name, path, token string }{
		{"API, public article", "/api/v1/articles/billing/hostile?lang=en", ""},
		{"API, internal article for an agent", "/api/v1/articles/billing/hostile-internal?lang=en", tokL1},
		{"article page", "/en/billing/hostile", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := call(t, base, http.MethodGet, tt.path, tt.token, nil)
			if status != http.StatusOK {
				t.Fatalf("status %d: %.300s", status, body)
			}
			html := body
			if strings.HasPrefix(tt.path, "/api/") {
				var a struct{ HTML string }
				if err := json.Unmarshal([]byte(body), &a); err != nil {
					t.Fatal(err)
				}
				html = a.HTML
			} else if i, j := strings.Index(body, `<div class="body">`), strings.Index(body, `<section id="feedback"`); i >= 0 && j > i {
				html = body[i:j] // the theme's own scripts are not the article's
			} else {
				t.Fatalf("no article body in the page:\n%s", body)
			}
			for _, b := range hostileBanned {
				if strings.Contains(html, b) {
					t.Errorf("%q survived in\n%s", b, html)
				}
			}
			if !strings.Contains(html, `<div class="note">Note</div>`) || !strings.Contains(html, "click me") {
				t.Errorf("the harmless part is gone:\n%s", html)
			}
		})
	}
}
