// spravka help center: instant search under every form[data-instant] and
// copy-link buttons on section headings. No framework; the pages work
// without this file.
(function () {
  "use strict";
  var DEBOUNCE_MS = 100, LIMIT = 6;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // highlight appends text to parent with the query's words wrapped in <mark>.
  function highlight(parent, text, words) {
    if (!words.length) { parent.appendChild(document.createTextNode(text)); return; }
    // Whole words that start with a query word's stem: "пароля" for "пароль".
    var re = new RegExp("(?<![\\p{L}\\p{N}])(?:" + words.join("|") + ")[\\p{L}\\p{N}]*", "giu"), last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m[0] === "") { re.lastIndex++; continue; }
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el("mark", "", m[0]));
      last = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function queryWords(q) {
    return q.toLowerCase().split(/[\s.,;:!?"«»()]+/).filter(function (w) { return w.length > 1; })
      .map(function (w) { return w.slice(0, Math.max(3, w.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
  }

  var ENTITIES = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&#34;": "\"", "&#39;": "'" };

  // appendSnippet shows the API's escaped snippet as text with its <mark>ed
  // words, without ever parsing it as HTML.
  function appendSnippet(parent, snippet) {
    var parts = snippet.split(/<\/?mark>/);
    for (var i = 0; i < parts.length; i++) {
      var text = parts[i].replace(/&(lt|gt|amp|quot|#34|#39);/g, function (m) { return ENTITIES[m]; });
      parent.appendChild(i % 2 === 1 ? el("mark", "", text) : document.createTextNode(text));
    }
  }

  // track tells analytics which result was opened: a POST beacon to the
  // result's /r link, which the browser delivers even as the next page loads.
  // The links themselves stay plain, so they can be copied and shared.
  function track(a) {
    var u = a && a.getAttribute("data-click");
    if (u && navigator.sendBeacon) navigator.sendBeacon(u);
  }

  function instant(form) {
    var input = form.querySelector("input[name=q]"), list = form.querySelector(".instant");
    if (!input || !list) return;
    var lang = form.getAttribute("data-lang"), timer = 0, seq = 0, active = -1, items = [];

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function select(i) {
      if (!items.length) return;
      if (active >= 0) items[active].setAttribute("aria-selected", "false");
      active = (i + items.length) % items.length;
      items[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }
    function render(q, res) {
      list.textContent = "";
      items = [];
      active = -1;
      var words = queryWords(res.corrected || q);
      (res.hits || []).forEach(function (h, i) {
        var a = el("a");
        a.href = h.section && h.section.url ? h.section.url : h.url;
        a.setAttribute("data-click", "/r?" + new URLSearchParams({ to: a.getAttribute("href"), q: q, lang: res.lang || lang, rank: String(i + 1) }));
        a.id = input.id + "-opt-" + i;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        var t = el("span", "t");
        highlight(t, h.title + (h.section ? " › " + h.section.title : ""), words);
        a.appendChild(t);
        if (h.snippet) { var s = el("span", "s"); appendSnippet(s, h.snippet); a.appendChild(s); }
        list.appendChild(a);
        items.push(a);
      });
      if (!items.length) list.appendChild(el("p", "", form.getAttribute("data-none")));
      var all = el("a", "all", form.getAttribute("data-all") + " →");
      all.href = form.action + "?q=" + encodeURIComponent(q);
      all.id = input.id + "-opt-all";
      all.setAttribute("role", "option");
      all.setAttribute("aria-selected", "false");
      list.appendChild(all);
      items.push(all);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function run() {
      var q = input.value.trim(), mine = ++seq;
      if (q.length < 2) { close(); return; }
      fetch("/api/v1/search?per_page=" + LIMIT + "&lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(q),
        { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (res) { if (res && mine === seq && input.value.trim() === q) render(q, res); })
        .catch(function () { /* the form still submits to the results page */ });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, DEBOUNCE_MS); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (list.hidden) { if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } else return; }
        e.preventDefault();
        select(active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); }
      }
    });
    // Enter submits the form; with an option chosen it opens that option.
    form.addEventListener("submit", function (e) {
      if (active >= 0 && !list.hidden) { e.preventDefault(); track(items[active]); window.location.href = items[active].href; }
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
    form.addEventListener("focusout", function (e) { if (!form.contains(e.relatedTarget)) close(); });
  }

  function copyLinks() {
    var toast = document.getElementById("toast");
    document.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("a[data-copy-link]") : null;
      if (!a || !navigator.clipboard) return;
      e.preventDefault();
      var url = location.href.split("#")[0] + a.getAttribute("href");
      history.replaceState(null, "", a.getAttribute("href"));
      navigator.clipboard.writeText(url).then(function () {
        if (!toast) return;
        toast.textContent = toast.getAttribute("data-copied");
        toast.classList.add("show");
        setTimeout(function () { toast.classList.remove("show"); }, 1600);
      }, function () { location.hash = a.getAttribute("href"); });
    });
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-click]") : null;
    if (a) track(a);
  });
  document.querySelectorAll("form[data-instant]").forEach(instant);
  copyLinks();
})();
