// Dark mode: follows the OS until the reader picks a side; the choice persists in localStorage.
// Loaded in <head> without defer so the saved theme applies before first paint (no flash).
(function () {
  // Interface text for the theme's scripts (decision.js, search.js, code.js, which run deferred after this one):
  // t(key, english, {name: value}) gives the page's own words from <script id="wm-ui">, read at the first call, else
  // the English the caller passes; {name} placeholders are filled in.
  var ui = null;
  window.wmText = function (key, english, vars) {
    if (!ui) {
      var d = document.getElementById("wm-ui");
      try { ui = d ? JSON.parse(d.textContent) : {}; } catch (e) { ui = {}; }
    }
    var s = typeof ui[key] === "string" ? ui[key] : english;
    Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(vars[k]); });
    return s;
  };
  var KEY = "waymark-theme";
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { /* storage may be disabled */ }
  if (saved === "dark" || saved === "light") root.setAttribute("data-theme", saved);
  root.classList.add("js");

  function isDark() {
    var t = root.getAttribute("data-theme");
    if (t) return t === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("wm-theme-toggle");
    if (!button) return;
    function sync() {
      button.setAttribute("aria-pressed", isDark() ? "true" : "false");
    }
    button.hidden = false;
    sync();
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* ignore */ }
      sync();
    });
  });
})();
