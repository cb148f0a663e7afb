package server_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestAgentPage: the page is served in the asked language, loads its
// script from /static (the CSP forbids inline scripts) and holds no
// content of its own.
func TestAgentPage(t *testing.T) {
	a := openAgentSample(t)
	for lang, title := range map[string]string{"en": "Suggest an answer", "ru": "Подсказка ответа", "uk": "Підказка відповіді", "bg": "Предложение за отговор"} {
		status, body, h := call(t, a.srv.URL, http.MethodGet, "/agent?lang="+lang, "", nil)
		if status != http.StatusOK {
			t.Fatalf("%s: status %d", lang, status)
		}
		if !strings.Contains(body, "<h1>"+title+"</h1>") || !strings.Contains(body, `<html lang="`+lang+`"`) {
			t.Errorf("%s: page not in its language", lang)
		}
		if !strings.Contains(body, `<script src="/static/agent.js" defer></script>`) {
			t.Errorf("%s: agent.js not loaded", lang)
		}
		if regexp.MustCompile(`<script(\s[^>]*)?>[^<]`).MatchString(body) || strings.Contains(body, " onclick=") {
			t.Errorf("%s: inline script on the page", lang)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: CSP %q", lang, h.Get("Content-Security-Policy"))
		}
		for _, id := range []string{"agent-token", "agent-text", "agent-results", "agent-forget"} {
			if !strings.Contains(body, `id="`+id+`"`) {
				t.Errorf("%s: no #%s for agent.js", lang, id)
			}
		}
		// With the script blocked the forms still submit: they must post,
		// and send nothing (TestAgentTokenNeverInURL tries it in a browser).
		forms := regexp.MustCompile(`(?s)<form[^>]*>.*?</form>`).FindAllString(body, -1)
		if len(forms) != 2 {
			t.Errorf("%s: %d forms", lang, len(forms))
		}
		for _, f := range forms {
			if !strings.Contains(f[:strings.Index(f, ">")], `method="post"`) || strings.Contains(f, " name=") {
				t.Errorf("%s: a form that gets, or sends a field:\n%s", lang, f)
			}
		}
	}
	// Where such a form lands: the page again, not a 405.
	if status, body, _ := call(t, a.srv.URL, http.MethodPost, "/agent?lang=en", "", ""); status != http.StatusOK || !strings.Contains(body, "needs JavaScript") {
		t.Errorf("POST /agent: %d", status)
	}
	for _, path := range []string{"/static/agent.js", "/static/agent.css"} {
		status, body, _ := call(t, a.srv.URL, http.MethodGet, path, "", nil)
		if status != http.StatusOK || len(body) < 100 {
			t.Errorf("%s: status %d", path, status)
		}
	}
	_, js, _ := call(t, a.srv.URL, http.MethodGet, "/static/agent.js", "", nil)
	for _, want := range []string{"sessionStorage", `"Authorization": "Bearer "`, "passage_html", "isInternal", "clipboard"} {
		if !strings.Contains(js, want) {
			t.Errorf("agent.js lacks %s", want)
		}
	}
}
