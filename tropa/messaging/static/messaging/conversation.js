// A conversation page: a websocket nudges the message list; while it is down, htmx polls every 5 s instead.
(function () {
  "use strict";
  var root = document.getElementById("conversation");
  if (!root) return;
  var list = document.getElementById("message-list");
  function scrollDown() { if (list) list.lastElementChild && list.lastElementChild.scrollIntoView({block: "end"}); }
  document.addEventListener("DOMContentLoaded", scrollDown);
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target === list) scrollDown();
  });
  document.body.addEventListener("click", function (event) {
    var button = event.target.closest("[data-reply-to]");
    if (!button) return;
    var field = document.querySelector("#composer input[name=reply_to]");
    var hint = document.getElementById("reply-hint");
    if (field) field.value = button.dataset.replyTo;
    if (hint) { hint.textContent = "↩ " + button.dataset.replyName; hint.hidden = false; }
    var body = document.querySelector("#composer textarea");
    if (body) body.focus();
  });
  window.tropaMessagingLive = false;
  if (!("WebSocket" in window) || !root.dataset.socket) return;
  var delay = 1000;
  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + root.dataset.socket);
    socket.onopen = function () { window.tropaMessagingLive = true; root.dataset.live = "1"; delay = 1000; };
    socket.onmessage = function () { if (window.htmx) window.htmx.trigger(document.body, "messaging:new"); };
    socket.onclose = function (event) {
      window.tropaMessagingLive = false;
      root.dataset.live = "0";
      if (event.code === 4403 || event.code === 4404) return;  // not a member: polling would 404 too
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
