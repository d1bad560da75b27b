// Waymark preview client: reloads the page after each rebuild and shows build errors in an overlay.
// Served only by `waymark serve`; never part of a built site.
(function () {
  "use strict";
  var overlay = null;
  function show(diagnostics) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "waymark-error-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "waymark-error-title");
    var box = document.createElement("div");
    box.className = "waymark-overlay__box";
    var h = document.createElement("h2");
    h.id = "waymark-error-title";
    h.textContent = "The build failed: fix the content and save";
    box.appendChild(h);
    var list = document.createElement("ul");
    diagnostics.forEach(function (d) {
      var li = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = d.file + ":" + d.line + ":" + d.column;
      li.appendChild(where);
      li.appendChild(document.createTextNode(" " + d.severity + ": " + d.message));
      if (d.hint) {
        var hint = document.createElement("div");
        hint.textContent = "hint: " + d.hint;
        li.appendChild(hint);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Dismiss";
    close.addEventListener("click", hide);
    box.appendChild(close);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    close.focus();
  }
  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }
  function errorsOnly(list) {
    return list.filter(function (d) { return d.severity === "error"; });
  }
  fetch("/_waymark/status").then(function (r) { return r.json(); }).then(function (s) {
    if (!s.ok) show(errorsOnly(s.diagnostics));
  }).catch(function () {});
  var source = new EventSource("/_waymark/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("error", function (e) {
    if (e.data) show(errorsOnly(JSON.parse(e.data)));
  });
})();
