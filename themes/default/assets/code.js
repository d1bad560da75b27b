// Copy buttons on code blocks. They exist only with JavaScript (without it there is nothing that could copy), are
// ordinary buttons (Tab, Enter, Space), and say what happened through a polite live region.
(function () {
  "use strict";
  // Interface text, from theme.js: English here; a page in another language hands its own in <script id="wm-ui">.
  var t = window.wmText;
  var blocks = document.querySelectorAll(".code > pre");
  if (!blocks.length) return;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function byHand(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return byHand(text); });
    }
    return byHand(text);
  }

  Array.prototype.forEach.call(blocks, function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "code__copy";
    button.textContent = t("code_copy", "Copy");
    button.setAttribute("aria-label", t("code_copy_label", "Copy code"));
    var timer = 0;
    button.addEventListener("click", function () {
      var text = pre.textContent.replace(/\n$/, "");
      copy(text).then(function () {
        status.textContent = t("code_copied_status", "Code copied to the clipboard");
        button.textContent = t("code_copied", "Copied");
      }, function () {
        status.textContent = t("code_copy_failed", "Could not copy: select the code and copy it by hand");
      }).then(function () {
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = t("code_copy", "Copy"); status.textContent = ""; }, 3000);
      });
    });
    pre.parentNode.insertBefore(button, pre);
  });
})();
