package server_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// agentBrowser drives /agent in headless Chromium and collects console
// errors (CSP violations among them) for the test to report.
type agentBrowser struct {
	t        *testing.T
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	urls     []string // every URL the browser requested, for the token check
}

// openAgentBrowser starts Chromium for the site at base; it is stopped
// when the test ends.
func openAgentBrowser(t *testing.T, base string) *agentBrowser {
	t.Helper()
	exe := chromium(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })
	b := &agentBrowser{t: t, ctx: ctx}

	// Start the browser before listening: chromedp initialises the browser
	// lazily, and two goroutines doing it at once race (and may panic).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			// The refused request of a wrong-token step is logged as a 401.
			if (m.Type == chromedp.ConsoleError || m.IsException() || strings.Contains(m.Text, "Content Security Policy")) &&
				!strings.Contains(m.Text, "401") {
				b.mu.Lock()
				b.problems = append(b.problems, string(m.Type)+": "+m.Text)
				b.mu.Unlock()
			}
		}
	}()
	b.must("listen to requests", chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			b.mu.Lock()
			b.urls = append(b.urls, e.Request.URL+e.Request.URLFragment)
			b.mu.Unlock()
		}
	}))
	for _, perm := range []string{"clipboard-write", "clipboard-read"} {
		_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: perm}, Setting: browser.PermissionSettingGranted, Origin: base})
		b.must("grant "+perm, err)
	}
	return b
}

// requested returns the URLs requested so far.
func (b *agentBrowser) requested() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.urls...)
}

func (b *agentBrowser) must(step string, err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

func (b *agentBrowser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.must(step, chromedp.Do(b.ctx, actions...))
}

func (b *agentBrowser) eval(js string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	b.must(js, err)
	return v
}

// waitFor polls a JavaScript condition, as the page updates after fetch
// or a form post; an error (the page is being replaced) counts as not yet.
func (b *agentBrowser) waitFor(step, cond string) {
	b.t.Helper()
	var err error
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var v bool
		if v, err = chromedp.Run(b.ctx, chromedp.Evaluate[bool]("Boolean("+cond+")")); err == nil && v {
			return
		}
	}
	b.t.Fatalf("%s: %s never became true (last error %v)", step, cond, err)
}

// signInAndAsk opens the page, enters token and sends text.
func (b *agentBrowser) signInAndAsk(base, token, text string) {
	b.t.Helper()
	b.do("open /agent", chromedp.Navigate(base+"/agent?lang=en"), chromedp.WaitVisible(chromedp.CSS("#agent-token")))
	b.do("enter token", chromedp.SendKeys(chromedp.CSS("#agent-token"), token),
		chromedp.Click(chromedp.CSS("#agent-token-form button")), chromedp.WaitVisible(chromedp.CSS("#agent-signed-in")))
	b.do("paste and send", chromedp.SendKeys(chromedp.CSS("#agent-text"), text),
		chromedp.Click(chromedp.CSS("#agent-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#agent-results li")))
}

// reportProblems fails the test with the console errors seen.
func (b *agentBrowser) reportProblems() {
	b.t.Helper()
	time.Sleep(200 * time.Millisecond) // let late console messages arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("browser: %s", p)
	}
}

// TestAgentPageShowsHostileArticleSafely: the agent page inserts an
// internal article's HTML with innerHTML; with unsafe_html on and an
// article full of script, what arrives holds no script, frame, event
// handler or javascript: link, and nothing ran.
func TestAgentPageShowsHostileArticleSafely(t *testing.T) {
	base := openHostile(t).URL
	b := openAgentBrowser(t, base)
	b.signInAndAsk(base, tokL1, "Refund procedure for agents: who has to approve refunds over 500 euros?")
	const item = `Array.from(document.querySelectorAll("#agent-results li")).find(function (li) {
		return li.querySelector(".agent-title").textContent.indexOf("Hostile refund procedure") === 0; })`
	b.waitFor("hostile article suggested", item)
	b.eval(`(function () { ` + item + `.querySelector(".agent-open").click(); return ""; })()`)
	b.waitFor("article shown", `(document.querySelector(".agent-article") || {}).textContent.includes("approve refunds")`)
	time.Sleep(300 * time.Millisecond) // a frame or an image error handler would have run by now
	found := b.eval(`(function () {
		var box = document.querySelector(".agent-article"), out = [];
		box.querySelectorAll("script, iframe, object, embed, style, form, base, meta").forEach(function (e) { out.push(e.tagName); });
		box.querySelectorAll("*").forEach(function (e) {
			Array.from(e.attributes).forEach(function (a) {
				if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value) || a.name === "srcdoc") out.push(e.tagName + "[" + a.name + "]");
			});
		});
		if (window.pwned !== undefined) out.push("window.pwned=" + window.pwned);
		return out.join(" ");
	})()`)
	if found != "" {
		t.Errorf("the article box holds: %s\n%s", found, b.eval(`document.querySelector(".agent-article").innerHTML`))
	}
	if b.eval(`String(Boolean(document.querySelector('.agent-article div.note')))`) != "true" {
		t.Errorf("the harmless part is gone: %s", b.eval(`document.querySelector(".agent-article").innerHTML`))
	}
	b.reportProblems()
}
