// Sends "Was this article helpful?" inline, without reloading the page.
// Without this script the form still works as a plain POST.
(function () {
  "use strict";
  document.querySelectorAll("form.feedback-form").forEach(function (form) {
    var fallback = false;
    var thanks = form.querySelector(".feedback-thanks");
    var no = form.querySelector(".feedback-no");
    function send(helpful) {
      return fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          article_id: form.elements.article_id.value,
          lang: form.elements.lang.value,
          helpful: helpful,
          comment: helpful ? "" : form.elements.comment.value
        })
      }).then(function (resp) {
        if (!resp.ok) { throw new Error("feedback: " + resp.status); }
      });
    }
    function done() {
      form.querySelectorAll(".feedback-question, .feedback-choices").forEach(function (el) { el.hidden = true; });
      thanks.hidden = false;
    }
    // Opening "No" already counts as a "No"; the comment, if sent, updates it.
    if (no) {
      no.addEventListener("toggle", function () {
        if (no.open) { send(false).catch(function () {}); }
      });
    }
    form.addEventListener("submit", function (ev) {
      if (fallback) { return; }
      ev.preventDefault();
      var submitter = ev.submitter;
      var helpful = !submitter || submitter.value !== "no";
      send(helpful).then(done, function () {
        fallback = true; // let the browser post the form the old way
        form.requestSubmit(submitter);
      });
    });
  });
})();
