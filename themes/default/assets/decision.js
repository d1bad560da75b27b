// Decision widget: progressive enhancement of the decision-tree sections.
// Without JS every question and outcome is a section linked by anchors. With JS: one step at a time, a breadcrumb of
// answers, back and restart, state in the URL (?path=q1.a0.a2 style hash), focus moved to each new step, and
// changes announced through an aria-live region.
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function Widget(root) {
    var dataEl = root.querySelector("script.wm-tree-data");
    if (!dataEl) return;
    var data;
    try { data = JSON.parse(dataEl.textContent); } catch (e) { return; }
    this.root = root;
    this.nodes = {};
    var self = this;
    data.nodes.forEach(function (n) { self.nodes[n.id] = n; });
    this.start = data.start;
    this.key = "d" + (root.getAttribute("data-prefix") || "");
    this.sections = {};
    root.querySelectorAll(".decision__node").forEach(function (s) { self.sections[s.id] = s; });
    if (!this.nodes[this.start]) return;
    this.build();
    root.classList.add("decision--enhanced");
    this.render(this.readPath(), false);
    window.addEventListener("popstate", function () { self.render(self.readPath(), true); });
    window.addEventListener("hashchange", function () {
      var id = decodeURIComponent(location.hash.slice(1));
      if (self.nodes[id]) self.render(self.pathTo(id), true);
    });
  }

  Widget.prototype.build = function () {
    var self = this;
    this.bar = el("nav", "decision__trail");
    this.bar.setAttribute("aria-label", "Your answers so far");
    this.trail = el("ol");
    this.bar.appendChild(this.trail);
    // The template renders the controls hidden (CSS shows them as soon as html.js is set, so the layout does not
    // jump when this script runs); a theme whose template lacks them gets them built here.
    this.controls = this.root.querySelector(".decision__controls");
    if (!this.controls) {
      this.controls = el("div", "decision__controls");
      this.controls.appendChild(el("button", "decision__back", "Back"));
      this.controls.appendChild(el("button", "decision__restart", "Restart"));
      this.root.insertBefore(this.controls, this.root.querySelector(".decision__node"));
    }
    this.controls.hidden = false;
    this.back = this.controls.querySelector(".decision__back");
    this.back.type = "button";
    this.restart = this.controls.querySelector(".decision__restart");
    this.restart.type = "button";
    this.live = el("p", "visually-hidden");
    this.live.setAttribute("aria-live", "polite");
    this.live.setAttribute("role", "status");
    this.root.insertBefore(this.bar, this.controls);
    this.root.appendChild(this.live);
    this.back.addEventListener("click", function () { self.go(self.path.slice(0, -1), true); });
    this.restart.addEventListener("click", function () { self.go([], true); });
    // Answers become real buttons; the anchor stays in the no-JS markup only.
    Object.keys(this.sections).forEach(function (id) {
      var s = self.sections[id];
      s.querySelectorAll("a.decision__answer").forEach(function (a, index) {
        var b = el("button", "decision__answer decision__answer--button", a.textContent);
        b.type = "button";
        b.setAttribute("data-target", a.getAttribute("data-target"));
        b.addEventListener("click", function () {
          var path = self.path.concat([index]);
          self.go(path, true);
        });
        a.parentNode.replaceChild(b, a);
      });
      s.setAttribute("tabindex", "-1");
    });
    this.why = el("div", "decision__why");
  };

  // The path is the list of answer indexes from the start, kept in the URL hash: #<key>=0.2.1.
  // A plain node anchor (#both, from a link elsewhere or the outline) opens that node by its shortest path.
  Widget.prototype.readPath = function () {
    var m = new RegExp("[#&]" + this.key + "=([0-9.]*)").exec(location.hash);
    if (m && m[1]) return m[1].split(".").filter(Boolean).map(Number);
    var id = decodeURIComponent(location.hash.slice(1));
    return this.nodes[id] ? this.pathTo(id) : [];
  };

  Widget.prototype.pathTo = function (target) {
    var queue = [[this.start, []]], seen = {};
    while (queue.length) {
      var item = queue.shift(), node = this.nodes[item[0]];
      if (item[0] === target) return item[1];
      if (seen[item[0]] || !node || node.type !== "question") continue;
      seen[item[0]] = true;
      node.answers.forEach(function (a, i) { queue.push([a.target, item[1].concat([i])]); });
    }
    return [];
  };

  Widget.prototype.walk = function (path) {
    var id = this.start;
    var steps = [];
    for (var i = 0; i < path.length; i++) {
      var node = this.nodes[id];
      if (!node || node.type !== "question" || !node.answers[path[i]]) break;
      steps.push({ question: node, answer: node.answers[path[i]] });
      id = node.answers[path[i]].target;
    }
    return { steps: steps, current: this.nodes[id] };
  };

  Widget.prototype.go = function (path, focus) {
    this.root.classList.add("decision--moving"); // animate steps the reader moves to, not the first paint
    var url = path.length ? "#" + this.key + "=" + path.join(".") : location.pathname + location.search;
    history.pushState(null, "", url);
    this.render(path, focus);
  };

  Widget.prototype.render = function (path, focus) {
    var self = this;
    var state = this.walk(path);
    this.path = path.slice(0, state.steps.length);
    Object.keys(this.sections).forEach(function (id) {
      self.sections[id].hidden = id !== state.current.id;
    });
    this.trail.textContent = "";
    state.steps.forEach(function (s, i) {
      var li = el("li");
      var b = el("button", "decision__crumb");
      b.type = "button";
      b.textContent = s.question.title + " " + s.answer.label;
      b.setAttribute("aria-label", "Change answer to: " + s.question.title + " (you said: " + s.answer.label + ")");
      b.addEventListener("click", function () { self.go(self.path.slice(0, i), true); });
      li.appendChild(b);
      self.trail.appendChild(li);
    });
    this.bar.hidden = state.steps.length === 0;
    this.back.disabled = state.steps.length === 0;
    this.restart.disabled = state.steps.length === 0;
    var section = this.sections[state.current.id];
    if (state.current.type === "outcome") {
      this.why.textContent = "";
      if (state.steps.length) {
        this.why.appendChild(el("p", "decision__why-title", "Why this fits your answers:"));
        var ul = el("ul");
        state.steps.forEach(function (s) { ul.appendChild(el("li", null, s.question.title + " \u2014 " + s.answer.label)); });
        this.why.appendChild(ul);
      }
      var heading = section.querySelector("h2");
      heading.parentNode.insertBefore(this.why, heading.nextSibling);
      this.live.textContent = "Recommendation: " + state.current.title;
    } else {
      this.live.textContent = "Question " + (state.steps.length + 1) + ": " + state.current.title;
    }
    if (focus) section.focus({ preventScroll: false });
  };

  function init() {
    document.querySelectorAll(".decision").forEach(function (root) { new Widget(root); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
