// Runs before the first paint: a classic script in <head>. scripts/post-build.mjs puts it
// into index.html in release builds (the page's Content Security Policy allows it by its
// hash and no other inline script), and links it as a file in development builds.
//
// index.html carries the frame and the start screen's opening lines, so someone on a slow
// connection sees the app at once while the wasm module is still on its way. Those lines
// suit only a first visit to the start screen. A link to another screen (a screen in the
// address's hash) or a returning user (whose last screen the app may reopen) gets the
// frame and "Loading Foothold…" alone, so no screen ever shows another screen's heading.
(function () {
  var root = document.documentElement;
  // Scripts run: the frame's "Loading Foothold…" line is true (without scripts the page
  // says instead that Foothold needs JavaScript).
  root.classList.add("fh-scripts-run");
  function opensStartScreen(hash) {
    return hash === "" || hash === "#" || hash === "#/";
  }
  var returning = true;
  try {
    returning = window.localStorage.getItem("foothold.data") !== null;
  } catch (error) {
    // Storage blocked: treat the visit as a returning one, which only hides the lines.
  }
  // Marks a visit that may not open on the start screen: its lines are hidden (by the
  // stylesheet, before the first paint) and its navigation link no longer says it is the
  // current page (once the body is parsed).
  function frameOnly() {
    root.classList.add("fh-frame-only");
    var startLink = document.querySelector("[data-foothold-start-link]");
    if (startLink) startLink.removeAttribute("aria-current");
  }
  if (returning || !opensStartScreen(window.location.hash)) {
    root.classList.add("fh-frame-only");
    document.addEventListener("DOMContentLoaded", frameOnly);
  }
  // The app's router owns the address's hash, so the frame's skip link moves focus itself
  // rather than writing "#shell-main" into the address.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("[data-foothold-skip]") : null;
    var main = document.getElementById("shell-main");
    if (!link || !main) return;
    event.preventDefault();
    main.focus();
  });
  // The frame's Menu button (narrow screens) opens and closes its links until the app,
  // whose header works the same way, takes the frame's place. (The frame's ids differ from
  // the app's, which renders its own header out of sight before taking over.)
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-foothold-menu]") : null;
    var menu = button ? document.getElementById(button.getAttribute("aria-controls")) : null;
    if (!button || !menu) return;
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("fh-nav--open", open);
  });
  // A link followed before the app has started leads elsewhere too.
  window.addEventListener("hashchange", function () {
    if (!opensStartScreen(window.location.hash)) frameOnly();
  });
})();
