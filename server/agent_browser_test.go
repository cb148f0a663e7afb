package server_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestAgentPageInBrowser drives /agent in headless Chromium as an L2 agent:
// enter the token, paste a message, get the internal refund procedure with
// its badge and passage, copy it; then a wrong token sends the agent back
// to the token form. Console errors (CSP violations among them) fail it.
func TestAgentPageInBrowser(t *testing.T) {
	exe := chromium(t)
	a := openAgentSample(t)
	base := a.srv.URL
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	// Start the browser before listening: chromedp initialises the browser
	// lazily, and two goroutines doing it at once race (and may panic).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	var mu sync.Mutex
	var problems []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			// The refused request of the wrong-token step is logged as a 401.
			if (m.Type == chromedp.ConsoleError || m.IsException() || strings.Contains(m.Text, "Content Security Policy")) &&
				!strings.Contains(m.Text, "401") {
				mu.Lock()
				problems = append(problems, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		must(js, err)
		return v
	}
	// waitFor polls a JavaScript condition, as the page updates after fetch.
	waitFor := func(step, cond string) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if eval("String(Boolean("+cond+"))") == "true" {
				return
			}
		}
		t.Fatalf("%s: %s never became true", step, cond)
	}
	_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: "clipboard-write"}, Setting: browser.PermissionSettingGranted, Origin: base})
	must("grant clipboard", err)

	must("open /agent", chromedp.Do(ctx, chromedp.Navigate(base+"/agent?lang=en"), chromedp.WaitVisible(chromedp.CSS("#agent-token"))))
	must("enter token", chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#agent-token"), tokL2),
		chromedp.Click(chromedp.CSS("#agent-token-form button")), chromedp.WaitVisible(chromedp.CSS("#agent-signed-in"))))
	if got := eval(`sessionStorage.getItem("spravka-agent-token")`); got != tokL2 {
		t.Errorf("sessionStorage holds %q", got)
	}
	must("paste and send", chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#agent-text"),
		"Hello, a customer asks for a refund of 700 euros for the yearly plan. Who approves refunds over 500 euros and how do I issue it?"),
		chromedp.Click(chromedp.CSS("#agent-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#agent-results li"))))
	if first := eval(`document.querySelector("#agent-results li h2 a").textContent`); first != "Refund procedure (L2)" {
		t.Errorf("first suggestion %q", first)
	}
	if badge := eval(`(document.querySelector("#agent-results li .agent-badge-internal") || {}).textContent || ""`); badge != "internal" {
		t.Errorf("internal badge %q", badge)
	}
	if n := eval(`String(document.querySelector("#agent-results li .agent-passage").textContent.length)`); len(n) < 2 {
		t.Errorf("passage of %s characters", n)
	}
	if eval(`String(document.querySelectorAll("#agent-results li .agent-passage mark").length > 0)`) != "true" {
		t.Error("no highlighted words in the passage")
	}
	must("copy", chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#agent-results li .agent-copy"))))
	waitFor("copy feedback", `document.querySelector("#agent-results li .agent-copy").textContent === "Copied"`)
	must("open in place", chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#agent-results li .agent-open"))))
	waitFor("internal article shown", `(document.querySelector("#agent-results li .agent-article") || {}).textContent.includes("Finance")`)

	// A wrong token: the page forgets it and asks again.
	must("wrong token", chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#agent-forget")),
		chromedp.SendKeys(chromedp.CSS("#agent-token"), "not-a-token"), chromedp.Click(chromedp.CSS("#agent-token-form button")),
		chromedp.Click(chromedp.CSS("#agent-form button[type=submit]"))))
	waitFor("refusal shown", `document.getElementById("agent-status").textContent.includes("not accepted")`)
	if eval(`String(document.getElementById("agent-token-form").hidden)`) != "false" {
		t.Error("the token form is not shown again after a refused token")
	}
	time.Sleep(200 * time.Millisecond) // let late console messages arrive
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser: %s", p)
	}
}
