package server_test

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
	"github.com/spravka/spravka/server"
)

// Real tickets, noise included: a greeting, numbers, a signature.
const (
	ticketRefundRU = "Добрый день!\n\nС меня списали деньги за годовой тариф два раза, 12 и 13 числа, по 90 евро. " +
		"Номер договора 99812345. Верните, пожалуйста, лишний платёж. Сколько ждать возврата?\n\nС уважением,\nАнна Петрова"
	ticketPasswordUK = "Добрий день! Не можу увійти в акаунт, забула пароль, а лист для скидання не приходить. Що робити?\n\nДякую, Олена"
)

// agentAnalyticsSite serves the sample help center to agents with analytics on, so
// that the agents' feedback reaches the admin page.
func agentAnalyticsSite(t *testing.T) (base string, an *analytics.Analytics) {
	t.Helper()
	a := openAgentSample(t)
	an, err := analytics.Open(context.Background(), analytics.Config{DataDir: t.TempDir(), Logger: slog.New(slog.DiscardHandler),
		Recorder: analytics.RecorderConfig{FlushInterval: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { an.Close(context.Background()) })
	srv := a.serve(t, server.Config{Agents: testAgents(), AdminTokenSHA256: hashOf(tokAdmin),
		RateLimit: server.RateLimit{PerSecond: 1e6, Burst: 1e6}, Analytics: an, Reports: an, VisitorSalt: []byte("agent-e2e-salt-0123456789")})
	return srv.URL, an
}

// viewport sets the page size as a phone or a desktop browser has it.
func (b *agentBrowser) viewport(width, height int64) {
	b.t.Helper()
	_, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: height, DeviceScaleFactor: 1, Mobile: width < 600})
	b.must("viewport", err)
}

// screenshot saves the first screen as name.png in the artifacts folder.
func (b *agentBrowser) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	b.must("screenshot "+name, err)
	p := filepath.Join(artifactsDir(b.t), name+".png")
	b.must("save "+name, os.WriteFile(p, png, 0o644))
	b.t.Logf("screenshot %s", p)
}

// ask pastes a ticket and sends it with Ctrl+Enter.
func (b *agentBrowser) ask(ticket string) {
	b.t.Helper()
	b.do("paste", chromedp.SetValue(chromedp.CSS("#agent-text"), ticket), chromedp.Focus(chromedp.CSS("#agent-text")))
	b.eval(`document.getElementById("agent-results").textContent = ""`)
	b.do("Ctrl+Enter", chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.waitFor("suggestions", `document.querySelector("#agent-results li")`)
}

// clipboard returns what the page put on the clipboard.
func (b *agentBrowser) clipboard() string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	b.must("read the clipboard", err)
	return v
}

// TestAgentPageInBrowser drives /agent in headless Chromium as an L2 agent
// at 1280×800 and on a 360 px phone: a Russian ticket asked with
// Ctrl+Enter puts the refund policy first, in view, with the detected
// language; Copy gives the reply with a readable link and Copy link the
// link; Helped / Didn't help reach the admin page; the internal refund
// procedure opens in place, its title linking nowhere public; a wrong
// token sends the agent back to the token form; a Ukrainian ticket works
// on the phone. No URL the browser requests ever carries a token, and
// console errors (CSP violations among them) fail the test.
func TestAgentPageInBrowser(t *testing.T) {
	base, an := agentAnalyticsSite(t)
	b := openAgentBrowser(t, base)
	b.viewport(1280, 800)
	b.do("open /agent", chromedp.Navigate(base+"/agent?lang=ru"), chromedp.WaitVisible(chromedp.CSS("#agent-token")))
	b.do("enter token", chromedp.SendKeys(chromedp.CSS("#agent-token"), tokL2+kb.Enter), chromedp.WaitVisible(chromedp.CSS("#agent-signed-in")))
	if got := b.eval(`sessionStorage.getItem("spravka-agent-token")`); got != tokL2 {
		t.Errorf("sessionStorage holds %q", got)
	}
	b.ask(ticketRefundRU)
	const first = `document.querySelector("#agent-results li")`
	// The title's own text: badges (internal, language, match) follow it in the heading.
	if got := b.eval(first + `.querySelector(".agent-title a, .agent-title .agent-title-btn").textContent`); got != "Правила возврата средств" {
		t.Errorf("first suggestion %q", got)
	}
	if !strings.Contains(b.eval(`document.getElementById("agent-summary").textContent`), "Язык сообщения: Русский") {
		t.Errorf("detected language not shown: %q", b.eval(`document.getElementById("agent-summary").textContent`))
	}
	// The first suggestion, its passage and its buttons are on the first screen.
	if got := b.eval(`(function () { var r = ` + first + `.querySelector(".agent-actions").getBoundingClientRect();
		return String(window.scrollY === 0 && r.bottom <= window.innerHeight) })()`); got != "true" {
		t.Errorf("the first suggestion is not in view at 1280×800 without scrolling")
	}
	if b.eval(first+`.querySelectorAll(".agent-passage mark").length > 0 ? "y" : ""`) != "y" {
		t.Error("no highlighted words in the passage")
	}
	b.screenshot("agent-1280")
	_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
	b.must("dark mode", err)
	b.screenshot("agent-1280-dark")
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	b.must("light mode", err)

	// Copy: the reply reads as text and its link as letters.
	b.do("copy", chromedp.Click(chromedp.CSS("#agent-results li .agent-copy")))
	b.waitFor("copy feedback", first+`.querySelector(".agent-copy").textContent === "Скопировано"`)
	reply := b.clipboard()
	link := base + "/ru/billing/refund-policy#"
	if !strings.Contains(reply, "\n\nПодробнее: "+link) || strings.Contains(reply, "%D0") || strings.Contains(reply, " | ") ||
		strings.Contains(reply, "<mark>") {
		t.Errorf("copied reply:\n%s", reply)
	}
	b.do("copy link", chromedp.Click(chromedp.CSS("#agent-results li .agent-copy-link")))
	b.waitFor("link copied", first+`.querySelector(".agent-copy-link").textContent === "Скопировано"`)
	if got := b.clipboard(); !strings.HasPrefix(got, link) || strings.ContainsAny(got, "% \n") || !strings.Contains(reply, got) {
		t.Errorf("copied link %q", got)
	}

	// Helped on the first, didn't help on the second: the admin page counts both.
	b.do("helped", chromedp.Click(chromedp.CSS("#agent-results li:nth-child(1) .agent-yes")))
	b.do("didn't help", chromedp.Click(chromedp.CSS("#agent-results li:nth-child(2) .agent-no")))
	b.waitFor("feedback sent", `document.querySelectorAll("#agent-results [aria-pressed=true]").length === 2`)
	if b.eval(first+`.querySelector(".agent-no").disabled ? "y" : ""`) != "y" {
		t.Error("a suggestion can be judged twice")
	}
	waitWritten(t, an)
	_, admin, _ := call(t, base, http.MethodGet, "/admin", tokAdmin, nil)
	if !strings.Contains(admin, "1 of 2 judged useful") {
		t.Errorf("the admin page does not show the feedback: %s", admin[:min(len(admin), 2000)])
	}

	// The internal procedure: no public link on its title, the section in place.
	const internal = `Array.from(document.querySelectorAll("#agent-results li")).find(function (li) {
		return li.querySelector(".agent-badge-internal"); })`
	b.waitFor("internal suggestion", internal)
	if href := b.eval(`(` + internal + `.querySelector(".agent-title a") || {}).href || ""`); href != "" {
		t.Errorf("the internal title links to %s", href)
	}
	if status, _, _ := call(t, base, http.MethodGet, "/ru/billing/refund-procedure", "", nil); status != http.StatusNotFound {
		t.Errorf("public page of the internal article: %d", status)
	}
	b.eval(`(function () { ` + internal + `.querySelector(".agent-title-btn").click(); return "" })()`)
	// The suggested section is shown, headed by its title; the whole
	// article (with the approval limits of another section) on request.
	section := strings.TrimPrefix(b.eval(internal+`.querySelector(".agent-section").textContent`), "§ ")
	b.waitFor("internal section in place", internal+`.querySelector(".agent-article h2")`)
	if got := b.eval(internal + `.querySelector(".agent-article h2").textContent`); got != section {
		t.Errorf("in place: section %q, want %q", got, section)
	}
	if b.eval(internal+`.querySelector(".agent-title-btn").getAttribute("aria-expanded")`) != "true" {
		t.Error("the title does not say the section is open")
	}
	b.screenshot("agent-1280-internal")
	b.eval(`(function () { ` + internal + `.querySelector(".agent-whole").click(); return "" })()`)
	b.waitFor("whole internal article in place", internal+`.querySelector(".agent-article").textContent.includes("Finance-Refunds")`)

	// A wrong token: the page forgets it and asks again.
	b.do("wrong token", chromedp.Click(chromedp.CSS("#agent-forget")),
		chromedp.SendKeys(chromedp.CSS("#agent-token"), "not-a-token"+kb.Enter),
		chromedp.Click(chromedp.CSS("#agent-form button[type=submit]")))
	b.waitFor("refusal shown", `document.getElementById("agent-status").textContent.includes("не принят")`)
	if b.eval(`String(document.getElementById("agent-token-form").hidden)`) != "false" {
		t.Error("the token form is not shown again after a refused token")
	}

	// A Ukrainian ticket on a phone: one column, the answer brought into view.
	b.viewport(360, 800)
	b.do("open on the phone", chromedp.Navigate(base+"/agent?lang=uk"), chromedp.WaitVisible(chromedp.CSS("#agent-token")),
		chromedp.SendKeys(chromedp.CSS("#agent-token"), tokL1+kb.Enter), chromedp.WaitVisible(chromedp.CSS("#agent-signed-in")))
	b.ask(ticketPasswordUK)
	if got := b.eval(first + `.querySelector(".agent-title").textContent`); !strings.Contains(got, "пароль") {
		t.Errorf("first suggestion on the phone %q", got)
	}
	time.Sleep(300 * time.Millisecond) // the scroll into view
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "360" {
		t.Errorf("the page is %s px wide on a 360 px phone", w)
	}
	// Its title below the sticky header, not hidden by it.
	if got := b.eval(`(function () { var r = ` + first + `.querySelector(".agent-title").getBoundingClientRect();
		var head = document.querySelector("header.site").getBoundingClientRect();
		return String(r.top >= head.bottom && r.bottom < window.innerHeight / 2) })()`); got != "true" {
		t.Error("the first suggestion is not brought into view on the phone")
	}
	b.screenshot("agent-360")

	noTokenInURLs(t, b.requested(), tokL1, tokL2, "not-a-token")
	b.reportProblems()
}

// TestAgentTokenNeverInURL: with scripts blocked, Enter in the token form
// used to submit GET /agent?token=…, putting the token into the address
// bar, the history and access logs. Now the forms post, with no named
// fields, and no request URL carries the token.
func TestAgentTokenNeverInURL(t *testing.T) {
	base, _ := agentAnalyticsSite(t)
	b := openAgentBrowser(t, base)
	_, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	b.must("block scripts", err)
	b.do("open /agent", chromedp.Navigate(base+"/agent?lang=en"), chromedp.WaitVisible(chromedp.CSS("#agent-token")))
	b.do("type the token, Enter", chromedp.SendKeys(chromedp.CSS("#agent-token"), tokL2+kb.Enter))
	b.waitFor("the page again", `document.readyState === "complete" && !document.getElementById("agent-token").value`)
	b.do("paste a message, send", chromedp.SendKeys(chromedp.CSS("#agent-text"), "refund of 700 euros, contract 99812345"),
		chromedp.Click(chromedp.CSS("#agent-form button[type=submit]")))
	b.waitFor("the page again", `document.readyState === "complete" && !document.getElementById("agent-text").value`)
	urls := b.requested()
	if len(urls) < 3 {
		t.Fatalf("the forms were not submitted: %v", urls)
	}
	noTokenInURLs(t, urls, tokL2, "99812345")
	if !strings.Contains(b.eval(`(document.querySelector("noscript") || {}).textContent || ""`), "needs JavaScript") {
		t.Error("no word that the page needs JavaScript")
	}
}

// noTokenInURLs fails for every URL that holds one of secrets.
func noTokenInURLs(t *testing.T, urls []string, secrets ...string) {
	t.Helper()
	for _, u := range urls {
		for _, s := range secrets {
			if strings.Contains(u, s) {
				t.Errorf("request URL carries %q: %s", s, u)
			}
		}
	}
}

// TestAgentPageQuestionsInBrowser: for a message with two questions the
// page shows each question with its grade and its own answers (the second
// answered by nothing), then what else the whole message found.
func TestAgentPageQuestionsInBrowser(t *testing.T) {
	refund, plans := cannedSuggestion("billing/refunds", "Возврат средств", "ru"), cannedSuggestion("billing/plans", "Тарифы", "ru")
	reset := cannedSuggestion("account/reset-password", "Скинути пароль", "uk")
	site := newAnalyticsSiteOver(t, cannedSuggester{fakeEngine: newFakeEngine(), res: spravka.Suggestions{Lang: "ru", DetectedLang: "uk",
		Match: spravka.MatchWeak, Confident: false, Suggestions: []spravka.Suggestion{refund, plans, reset},
		Questions: []spravka.QuestionSuggestions{
			{Text: "Верните деньги за второй платёж", Match: spravka.MatchGood, Suggestions: []spravka.Suggestion{refund}},
			{Text: "Какая погода в Лиссабоне?", Match: spravka.MatchNone},
		}}}, nil)
	b := openAgentBrowser(t, site.srv.URL)
	b.viewport(1280, 800)
	b.do("open /agent", chromedp.Navigate(site.srv.URL+"/agent?lang=ru"), chromedp.WaitVisible(chromedp.CSS("#agent-token")),
		chromedp.SendKeys(chromedp.CSS("#agent-token"), agentToken+kb.Enter), chromedp.WaitVisible(chromedp.CSS("#agent-signed-in")))
	b.do("paste", chromedp.SetValue(chromedp.CSS("#agent-text"), "Добрый день! Верните деньги за второй платёж. И какая погода в Лиссабоне?"),
		chromedp.Focus(chromedp.CSS("#agent-text")), chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	b.waitFor("questions", `document.querySelectorAll(".agent-question").length === 2`)
	got := b.eval(`Array.from(document.querySelectorAll(".agent-question")).map(function (q) {
		return q.querySelector(".agent-question-text").textContent + " → " +
			Array.from(q.querySelectorAll(".agent-title")).map(function (h) { return h.textContent; }).join(", ") +
			(q.querySelector("p.agent-status") || {textContent: ""}).textContent; }).join("\n")`)
	want := "Вопрос 1: «Верните деньги за второй платёж»Хорошее совпадение → Возврат средств\n" +
		"Вопрос 2: «Какая погода в Лиссабоне?» → На этот вопрос в базе знаний ответа нет."
	if got != want {
		t.Errorf("questions:\n%s\nwant\n%s", got, want)
	}
	// The rest of the message's list, less what a question shows; the
	// Ukrainian article in a Russian answer is marked with its language.
	if got := b.eval(`Array.from(document.querySelectorAll("#agent-results .agent-title")).map(function (h) { return h.textContent; }).join(", ")`); got != "Тарифы, Скинути парольУкраїнська" {
		t.Errorf("the rest: %q", got)
	}
	summary := b.eval(`document.getElementById("agent-summary").textContent`)
	if !strings.Contains(summary, "Язык сообщения: Українська · язык ответа: Русский") || !strings.Contains(summary, "Слабое совпадение") {
		t.Errorf("summary %q", summary)
	}
	b.screenshot("agent-1280-questions")
	b.reportProblems()
}
