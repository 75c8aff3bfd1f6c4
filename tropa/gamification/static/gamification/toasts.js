// The "+N XP" toasts: this browser remembers the last award it showed (the server only reads), asks for newer
// ones on each page, and clears them after a few seconds so that they never sit over the page's own buttons.
// The key names the user: two people sharing a browser each get their own toasts.
const xpSeenKey = (loader) => `tropa.xp.lastShown.${loader.dataset.user}`;

document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.elt.id !== "xp-toasts-loader") return;
  event.detail.parameters.after = window.localStorage.getItem(xpSeenKey(event.detail.elt)) || "0";
});

document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  if (!target || target.id !== "xp-toasts") return;
  const last = target.querySelector("[data-xp-last]");
  const loader = document.getElementById("xp-toasts-loader");
  if (last && loader) window.localStorage.setItem(xpSeenKey(loader), last.dataset.xpLast);
  window.setTimeout(() => target.replaceChildren(), 5000);
});
