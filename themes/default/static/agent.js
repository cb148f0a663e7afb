// The agent page: a support agent enters a token once (kept in
// sessionStorage, so it dies with the tab), pastes a customer's message and
// gets suggestions from POST /api/v1/suggest: each with a reply to copy, a
// link to copy, the section to read in place and a helped / didn't help
// verdict for POST /api/v1/suggest/feedback. The token travels only in the
// Authorization header, never in a URL.
// No inline scripts: the site's CSP is script-src 'self'.
(function () {
  "use strict";
  var root = document.getElementById("agent");
  if (!root) return;
  var KEY = "spravka-agent-token";
  var msg = root.dataset;
  var tokenForm = document.getElementById("agent-token-form");
  var tokenInput = document.getElementById("agent-token");
  var signedIn = document.getElementById("agent-signed-in");
  var form = document.getElementById("agent-form");
  var text = document.getElementById("agent-text");
  var lang = document.getElementById("agent-lang");
  var status = document.getElementById("agent-status");
  var summary = document.getElementById("agent-summary");
  var questions = document.getElementById("agent-questions");
  var results = document.getElementById("agent-results");
  var answer = document.getElementById("agent-answer");

  function token() {
    try { return sessionStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }
  function setToken(t) {
    try {
      if (t) sessionStorage.setItem(KEY, t); else sessionStorage.removeItem(KEY);
    } catch (e) { /* storage disabled: the token lives until reload */ }
    memoryToken = t;
    showTokenState();
  }
  var memoryToken = token();
  function showTokenState() {
    var has = !!memoryToken;
    tokenForm.hidden = has;
    signedIn.hidden = !has;
  }

  tokenForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var t = tokenInput.value.trim();
    tokenInput.value = "";
    if (t) setToken(t);
    text.focus();
  });
  document.getElementById("agent-forget").addEventListener("click", function () {
    setToken("");
    clear();
    tokenInput.focus();
  });

  text.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

  function clear() {
    results.textContent = "";
    questions.textContent = "";
    summary.hidden = true;
  }

  function authHeaders(extra) {
    var h = { "Authorization": "Bearer " + memoryToken };
    for (var k in extra) h[k] = extra[k];
    return h;
  }

  var pending = null;
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (!memoryToken) {
      status.textContent = msg.needToken;
      tokenInput.focus();
      return;
    }
    var body = { text: text.value };
    if (lang.value) body.lang = lang.value;
    if (pending) pending.abort();
    pending = new AbortController();
    status.textContent = msg.searching;
    fetch(msg.api, {
      method: "POST",
      headers: authHeaders({ "Content-Type": "application/json" }),
      body: JSON.stringify(body),
      signal: pending.signal
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (data) {
        if (resp.status === 401) {
          setToken("");
          throw new Error(msg.badToken);
        }
        if (resp.status === 429) throw new Error(msg.rateLimited);
        if (!resp.ok) {
          throw new Error(msg.failed + " " + ((data.error && data.error.message) || resp.status));
        }
        render(data);
      });
    }).catch(function (err) {
      if (err.name === "AbortError") return;
      clear();
      status.textContent = err.message;
    });
  });

  function isInternal(audience) {
    return !(audience && audience.length === 1 && audience[0] === "public");
  }

  function el(tag, className, textContent) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (textContent !== undefined) e.textContent = textContent;
    return e;
  }

  function button(className, label, onClick) {
    var b = el("button", "agent-btn " + className, label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function badge(kind, label) {
    return el("span", "agent-badge agent-badge-" + kind, label);
  }

  function langName(code) {
    for (var i = 0; i < lang.options.length; i++) {
      if (lang.options[i].value === code) return lang.options[i].textContent;
    }
    return code;
  }

  // A grade from the engine when it gives one ("good", "weak", "none");
  // an older engine only says whether it is confident.
  function gradeBadge(grade) {
    var label = { good: msg.matchGood, weak: msg.matchWeak, none: msg.matchNone }[grade];
    return label ? badge("match-" + grade, label) : null;
  }

  function render(data) {
    clear();
    var list = data.suggestions || [];
    var qs = data.questions || [];
    status.textContent = "";
    summary.textContent = "";
    var detected = data.detected_lang ? msg.detected + " " + langName(data.detected_lang) : "";
    if (data.lang && data.lang !== data.detected_lang) {
      detected += (detected ? " · " : "") + msg.answerLang + " " + langName(data.lang);
    }
    summary.appendChild(el("span", "agent-lang-info", detected));
    summary.hidden = false;
    if (!list.length && !qs.length) {
      status.textContent = data.match === "none" ? msg.matchNone : msg.none;
      return;
    }
    var g = gradeBadge(data.match);
    if (g) summary.appendChild(g);
    // Cards are h2 under the page title, h3 under a question's h2.
    // confident marks the first suggestion of the whole message, wherever
    // it is shown.
    var ctx = { requestID: data.request_id, lang: data.lang, heading: qs.length ? "h3" : "h2",
      confident: data.confident && list.length ? list[0].article.id : "" };
    var shown = {};
    qs.forEach(function (q, i) {
      var box = el("section", "agent-question");
      var h = el("h2", "agent-question-text");
      h.appendChild(el("span", "agent-question-n", msg.question + " " + (i + 1) + ":"));
      h.appendChild(document.createTextNode(" «" + q.text + "»"));
      // An unanswered question says so in words below, not in a badge.
      var qg = q.suggestions && q.suggestions.length && gradeBadge(q.match);
      if (qg) h.appendChild(qg);
      box.appendChild(h);
      var ol = el("ol", "agent-results");
      (q.suggestions || []).forEach(function (s) {
        shown[s.article.id] = true;
        ol.appendChild(card(s, ctx));
      });
      box.appendChild(ol.childNodes.length ? ol : el("p", "agent-status", msg.questionNone));
      questions.appendChild(box);
    });
    if (qs.length) {
      // The whole message's list, less what a question already shows.
      list = list.filter(function (s) { return !shown[s.article.id]; });
      if (list.length) questions.appendChild(el("h2", "agent-all", msg.otherSuggestions));
    }
    list.forEach(function (s) { results.appendChild(card(s, ctx)); });
    // On a phone the form is above the answer: bring the answer up.
    if (window.matchMedia("(max-width: 59.99rem)").matches) bringIntoView(answer, true);
  }

  // bringIntoView scrolls el's top to just below the sticky site header
  // (scrollIntoView would hide it under the header), when always is set or
  // el starts out of view.
  function bringIntoView(el, always) {
    var header = document.querySelector("header.site");
    var head = header && getComputedStyle(header).position === "sticky" ? header.getBoundingClientRect().bottom : 0;
    var top = el.getBoundingClientRect().top;
    if (always || top < head || top > window.innerHeight - 80) {
      window.scrollTo({ top: window.scrollY + top - head - 8 });
    }
  }

  // card renders one suggestion.
  function card(s, ctx) {
    var li = el("li", "agent-suggestion");
    var internal = isInternal(s.article.audience);
    var head = el(ctx.heading, "agent-title");
    var title;
    if (internal) {
      // Not on the public site: the title opens it here, with the token.
      title = button("agent-title-btn", s.article.title, function () { showInPlace(li, s); });
      title.setAttribute("aria-expanded", "false");
    } else {
      title = el("a", "", s.article.title);
      title.href = s.article.url;
      title.target = "_blank";
      title.rel = "noopener";
    }
    head.appendChild(title);
    if (internal) head.appendChild(badge("internal", msg.internal));
    if (ctx.lang && s.article.lang !== ctx.lang) head.appendChild(badge("lang", langName(s.article.lang)));
    if (s.article.id === ctx.confident) head.appendChild(badge("confident", msg.confident));
    li.appendChild(head);

    if (s.section) li.appendChild(el("p", "agent-section", "§ " + s.section.title));
    var p = el("p", "agent-passage");
    // passage_html is escaped by the server; only <mark> is markup.
    p.innerHTML = s.passage_html;
    li.appendChild(p);

    var actions = el("div", "agent-actions");
    var copy = button("agent-btn-primary agent-copy", msg.copy, function () {
      copyText(s.reply || s.passage, copy, msg.copy);
    });
    actions.appendChild(copy);
    if (s.link) {
      var copyLink = button("agent-copy-link", msg.copyLink, function () { copyText(s.link, copyLink, msg.copyLink); });
      actions.appendChild(copyLink);
    }
    var open = button("agent-open", s.section ? msg.openSection : msg.openArticle, function () { showInPlace(li, s); });
    open.setAttribute("aria-expanded", "false");
    actions.appendChild(open);
    actions.appendChild(feedback(s, ctx));
    li.appendChild(actions);
    return li;
  }

  // feedback is the helped / didn't help pair of one suggestion.
  function feedback(s, ctx) {
    var box = el("span", "agent-feedback");
    function send(useful, pressed) {
      yes.disabled = no.disabled = true;
      fetch(msg.feedbackApi, {
        method: "POST",
        headers: authHeaders({ "Content-Type": "application/json" }),
        body: JSON.stringify({ request_id: ctx.requestID, article_id: s.article.id, useful: useful })
      }).then(function (resp) {
        if (!resp.ok) throw new Error(msg.feedbackFailed + " " + resp.status);
        pressed.setAttribute("aria-pressed", "true");
        note.textContent = msg.thanks;
      }).catch(function (err) {
        yes.disabled = no.disabled = false;
        note.textContent = err.message;
      });
    }
    var yes = button("agent-yes", msg.helped, function () { send(true, yes); });
    var no = button("agent-no", msg.notHelped, function () { send(false, no); });
    var note = el("span", "agent-feedback-note");
    note.setAttribute("role", "status");
    box.appendChild(yes);
    box.appendChild(no);
    box.appendChild(note);
    return box;
  }

  // showInPlace shows the suggested section (or the article) under the
  // card, fetched from the article API with the agent's token; a second
  // click hides it.
  function showInPlace(li, s) {
    var box = li.querySelector(".agent-article");
    if (box) {
      box.hidden = !box.hidden;
      setExpanded(li, !box.hidden);
      return;
    }
    box = el("div", "agent-article");
    li.appendChild(box);
    setExpanded(li, true);
    var api = "/api/v1/articles/" + s.article.id.split("/").map(encodeURIComponent).join("/") +
      "?lang=" + encodeURIComponent(s.article.lang);
    fetch(api, { headers: authHeaders({}) }).then(function (resp) {
      if (!resp.ok) throw new Error(msg.failed + " " + resp.status);
      return resp.json();
    }).then(function (art) {
      // Rendered Markdown from the content repository, sanitised by the
      // indexer as on article pages; a template parses it inertly.
      var tpl = document.createElement("template");
      tpl.innerHTML = art.html;
      var whole = tpl.content;
      var part = s.section && sectionOf(whole, s.section.id);
      box.appendChild(part || whole);
      if (part) {
        var more = button("agent-whole", msg.wholeArticle, function () {
          box.textContent = "";
          var again = document.createElement("template");
          again.innerHTML = art.html;
          box.appendChild(again.content);
        });
        box.appendChild(more);
      }
      if (!isInternal(s.article.audience)) {
        var site = el("a", "agent-on-site", msg.onSite);
        site.href = s.section ? s.section.url : s.article.url;
        site.target = "_blank";
        site.rel = "noopener";
        box.appendChild(site);
      }
      bringIntoView(box, false);
    }).catch(function (err) {
      box.textContent = err.message;
    });
  }

  function setExpanded(li, on) {
    li.querySelectorAll("[aria-expanded]").forEach(function (b) { b.setAttribute("aria-expanded", String(on)); });
  }

  // sectionOf cuts the section with heading id out of an article body: the
  // heading and what follows it up to the next heading of its level or
  // higher.
  function sectionOf(body, id) {
    var nodes = Array.prototype.slice.call(body.childNodes);
    var start = -1;
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].id === id) { start = i; break; }
    }
    if (start < 0) return null;
    var level = headingLevel(nodes[start]);
    var frag = document.createDocumentFragment();
    for (var j = start; j < nodes.length; j++) {
      var l = headingLevel(nodes[j]);
      if (j > start && l && l <= level) break;
      frag.appendChild(nodes[j]);
    }
    return frag;
  }

  function headingLevel(n) {
    var m = /^H([1-6])$/.exec(n.nodeName || "");
    return m ? Number(m[1]) : 0;
  }

  // copyText puts s on the clipboard and says so on the button. The async
  // clipboard needs a secure context; plain http on an intranet host falls
  // back to a selected textarea.
  function copyText(s, btn, label) {
    var done;
    if (navigator.clipboard && window.isSecureContext) {
      done = navigator.clipboard.writeText(s);
    } else {
      var ta = el("textarea", "visually-hidden");
      ta.value = s;
      ta.setAttribute("readonly", "");
      document.body.appendChild(ta);
      ta.select();
      try { document.execCommand("copy"); } finally { document.body.removeChild(ta); }
      done = Promise.resolve();
    }
    done.then(function () {
      btn.textContent = msg.copied;
      setTimeout(function () { btn.textContent = label; }, 2000);
    });
  }

  showTokenState();
})();
