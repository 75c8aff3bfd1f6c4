// The assistant's side panel and chat forms: no inline handlers, so a strict Content-Security-Policy needs no exception.
(function () {
  "use strict";

  function scrollToEnd(log) {
    if (log) log.scrollTop = log.scrollHeight;
  }

  document.addEventListener("DOMContentLoaded", function () {
    const panel = document.getElementById("assistant-panel");
    if (!panel) return;
    // A panel inside the collapsed mobile navbar would be hidden with it: it lives in <body> instead.
    document.body.appendChild(panel);
    panel.addEventListener("show.bs.offcanvas", function () {
      const body = document.getElementById("assistant-panel-body");
      if (body && window.htmx) window.htmx.trigger(body, "assistant:open");
    });
    document.querySelectorAll(".assistant-log").forEach(scrollToEnd);
  });

  // A suggested question is asked at once.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-assistant-suggest]");
    if (!button) return;
    const chat = button.closest("[data-assistant-chat]");
    const form = chat && chat.querySelector("form[data-assistant-form]");
    if (!form) return;
    form.querySelector("textarea[name=question]").value = button.dataset.assistantSuggest;
    form.requestSubmit();
  });

  // Too many questions (429) is shown in the conversation like a refused question (400, see tropa.js).
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 429) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    const target = event.detail.target;
    if (target && target.classList && target.classList.contains("assistant-log")) {
      const empty = target.querySelector("[data-assistant-empty]");
      if (empty) empty.remove();
      scrollToEnd(target);
    }
    if (target && target.id === "assistant-panel-body") {
      scrollToEnd(target.querySelector(".assistant-log"));
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    const form = event.detail.elt;
    if (form && form.matches && form.matches("form[data-assistant-form]") && event.detail.successful) {
      form.querySelector("textarea[name=question]").value = "";
    }
  });
})();
