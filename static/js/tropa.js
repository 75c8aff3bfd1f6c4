// Tropa's small behaviours, kept out of inline handlers so that a strict Content-Security-Policy needs no exceptions.
// htmx sends the CSRF token from the hx-headers attribute on <body>; the page-top progress bar is htmx's indicator.
(function () {
  "use strict";

  // A refused htmx form (400, 422) comes back as the partial with its errors named: show it in place.
  // htmx leaves 4xx answers unswapped by default, which would make a refusal look like nothing happened.
  document.addEventListener("htmx:beforeSwap", function (event) {
    const status = event.detail.xhr.status;
    if (status === 400 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Danger buttons ask first: <button data-confirm="Revoke this token?">.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  // Copy buttons: <button data-copy-target="#id" data-copied-label="Copied">; the label flips back after a moment.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-copy-target]");
    if (!button) return;
    const source = document.querySelector(button.dataset.copyTarget);
    if (!source) return;
    const text = "value" in source && source.value !== undefined ? source.value : source.textContent;
    const done = function () {
      const original = button.textContent;
      button.textContent = button.dataset.copiedLabel || original;
      window.setTimeout(function () { button.textContent = original; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.trim()).then(done, function () {});
    } else if (source.select) {
      source.select();
      done();
    }
  });

  // Read-only values meant to be copied (a new API token) select themselves on focus.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) {
      event.target.select();
    }
  });

  // Forms show that they are working: the submit button is disabled after the first click (no double sign-ups).
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.hasAttribute("hx-post") || form.hasAttribute("hx-get") || form.dataset.noDisable !== undefined) return;
    const submitter = event.submitter;
    if (submitter && submitter.tagName === "BUTTON" && !submitter.name) {
      window.setTimeout(function () { submitter.disabled = true; submitter.dataset.autoDisabled = "1"; }, 0);
    }
  });
  // A page restored from the back/forward cache gets its buttons back.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("[data-auto-disabled]").forEach(function (b) {
      b.disabled = false;
      delete b.dataset.autoDisabled;
    });
  });
})();
