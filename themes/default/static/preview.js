// Preview mode (spravka serve --preview): shows whether the page is a
// draft or internal, lists the `spravka check` problems of its source file,
// and reloads the page when the content changes. Loaded only by the
// preview partial; no inline script, so the CSP stays script-src 'self'.
(function () {
  "use strict";
  var box = document.getElementById("spravka-preview");
  if (!box) return;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text; // never innerHTML: messages quote the writer's text
    return e;
  }

  function show(page) {
    var flags = box.querySelector(".preview-flags");
    var list = box.querySelector(".preview-problems");
    flags.textContent = "";
    list.textContent = "";
    if (page.path) flags.appendChild(el("code", "preview-path", page.path));
    if (page.draft) flags.appendChild(el("span", "preview-flag preview-draft", "draft"));
    if (page.audience && page.audience.length) {
      flags.appendChild(el("span", "preview-flag preview-internal", "visible to: " + page.audience.join(", ")));
    }
    (page.problems || []).forEach(function (p) {
      list.appendChild(el("li", "preview-" + p.severity, p.text));
    });
    box.hidden = false;
  }

  fetch("/api/v1/preview/page?url=" + encodeURIComponent(location.pathname), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.ok ? r.json() : { problems: [] }; })
    .then(show)
    .catch(function () { box.hidden = false; });

  if (!window.EventSource) return;
  var events = new EventSource("/api/v1/preview/events");
  events.addEventListener("change", function () {
    // Keep the reader's place: the browser restores the scroll position
    // of a reload.
    location.reload();
  });
})();
