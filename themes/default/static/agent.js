// The agent page: a support agent enters a token once (kept in
// sessionStorage, so it dies with the tab), pastes a customer's message and
// gets suggestions from POST /api/v1/suggest, each with a passage to copy.
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
  var results = document.getElementById("agent-results");

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
    results.textContent = "";
    tokenInput.focus();
  });

  text.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

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
    fetch(root.dataset.api, {
      method: "POST",
      headers: { "Authorization": "Bearer " + memoryToken, "Content-Type": "application/json" },
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
      results.textContent = "";
      status.textContent = err.message;
    });
  });

  function isInternal(audience) {
    return !(audience && audience.length === 1 && audience[0] === "public");
  }

  function badge(kind, label) {
    var b = document.createElement("span");
    b.className = "agent-badge agent-badge-" + kind;
    b.textContent = label;
    return b;
  }

  function render(data) {
    results.textContent = "";
    var list = data.suggestions || [];
    status.textContent = list.length ? "" : msg.none;
    list.forEach(function (s, i) {
      var li = document.createElement("li");
      li.className = "agent-suggestion";
      var url = s.section ? s.section.url : s.article.url;

      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = s.article.url;
      a.textContent = s.article.title;
      h.appendChild(a);
      if (isInternal(s.article.audience)) h.appendChild(badge("internal", msg.internal));
      if (i === 0 && data.confident) h.appendChild(badge("confident", msg.confident));
      li.appendChild(h);

      if (s.section) {
        var sec = document.createElement("p");
        sec.className = "agent-section";
        sec.textContent = "§ " + s.section.title;
        li.appendChild(sec);
      }
      var p = document.createElement("p");
      p.className = "agent-passage";
      // passage_html is escaped by the server; only <mark> is markup.
      p.innerHTML = s.passage_html;
      li.appendChild(p);

      var internal = isInternal(s.article.audience);
      var actions = document.createElement("div");
      actions.className = "agent-actions";
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = "agent-copy";
      copy.textContent = msg.copy;
      copy.addEventListener("click", function () {
        // An internal article's link opens nothing for a customer: copy
        // the passage alone.
        var out = internal ? s.passage : s.passage + "\n" + new URL(url, location.href).href;
        copyText(out).then(function () {
          copy.textContent = msg.copied;
          setTimeout(function () { copy.textContent = msg.copy; }, 2000);
        });
      });
      actions.appendChild(copy);
      var label = s.section ? msg.openSection : msg.openArticle;
      if (internal) {
        // Internal articles are not on the public site; show them here,
        // fetched with the agent's token.
        var show = document.createElement("button");
        show.type = "button";
        show.className = "agent-open";
        show.textContent = label;
        show.addEventListener("click", function () { showArticle(li, s); });
        actions.appendChild(show);
      } else {
        var open = document.createElement("a");
        open.href = url;
        open.className = "agent-open";
        open.target = "_blank";
        open.rel = "noopener";
        open.textContent = label;
        actions.appendChild(open);
      }
      li.appendChild(actions);
      results.appendChild(li);
    });
  }

  function showArticle(li, s) {
    var box = li.querySelector(".agent-article");
    if (box) {
      box.hidden = !box.hidden;
      return;
    }
    box = document.createElement("div");
    box.className = "agent-article";
    li.appendChild(box);
    var api = "/api/v1/articles/" + s.article.id.split("/").map(encodeURIComponent).join("/") +
      "?lang=" + encodeURIComponent(s.article.lang);
    fetch(api, { headers: { "Authorization": "Bearer " + memoryToken } }).then(function (resp) {
      if (!resp.ok) throw new Error(msg.failed + " " + resp.status);
      return resp.json();
    }).then(function (art) {
      // Rendered Markdown from the content repository, as on article pages.
      box.innerHTML = art.html;
      var target = s.section && document.getElementById(s.section.id);
      (target || box).scrollIntoView({ block: "start" });
    }).catch(function (err) {
      box.textContent = err.message;
    });
  }

  // The async clipboard needs a secure context; plain http on an intranet
  // host falls back to a selected textarea.
  function copyText(s) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(s);
    }
    var ta = document.createElement("textarea");
    ta.value = s;
    ta.setAttribute("readonly", "");
    ta.className = "visually-hidden";
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(ta); }
    return Promise.resolve();
  }

  showTokenState();
})();
