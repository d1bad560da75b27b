// Decision widget: progressive enhancement of the decision-tree sections.
// Without JS every question and outcome is a section linked by anchors. With JS: one step at a time, numbered in the
// reader's order; the answers so far as an editable summary (change one and the later answers that still apply are
// kept); what each answer leads to; Back and Restart; the state in the URL as #key=node/node, one part per widget;
// on an outcome, the reasons, a Markdown record to copy, print and a share link; the map follows the reader's path.
(function () {
  "use strict";
  // Interface text, from theme.js: English here; a page in another language hands its own in <script id="wm-ui">.
  var t = window.wmText;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function button(cls, text) {
    var b = el("button", cls, text);
    b.type = "button";
    return b;
  }
  // The hash holds one part per widget, "#a=x/y&b=z", so widgets on one page never overwrite each other.
  function hashParts() {
    return location.hash.slice(1).split("&").filter(function (p) { return p.indexOf("=") > 0; });
  }
  function absolute(u) { return new URL(u, location.href).href; }

  function Widget(root) {
    var dataEl = root.querySelector("script.wm-tree-data");
    var data;
    try { data = JSON.parse(dataEl.textContent); } catch (e) { return; }
    var self = this;
    this.root = root;
    this.data = data;
    this.key = data.key;
    this.prefix = data.prefix || "";
    this.nodes = {};
    data.nodes.forEach(function (n) { self.nodes[n.id] = n; });
    this.start = data.start;
    this.memory = {}; // question id -> answer index, for answers given earlier on any path
    this.sections = {};
    root.querySelectorAll(".decision__node").forEach(function (s) { self.sections[s.id] = s; });
    if (!this.nodes[this.start]) return;
    this.build();
    root.classList.add("decision--enhanced");
    this.render(this.readPath(), false);
    window.addEventListener("popstate", function () { self.render(self.readPath(), true); });
    window.addEventListener("hashchange", function () {
      var id = decodeURIComponent(location.hash.slice(1));
      if (!self.nodes[id]) return;
      var path = self.pathTo(id);
      history.replaceState(null, "", self.url(path));
      self.render(path, true);
    });
  }

  Widget.prototype.build = function () {
    var self = this;
    this.bar = el("nav", "decision__trail");
    this.bar.setAttribute("aria-label", t("answers_label", "Your answers: {label}", { label: this.data.label }));
    this.bar.appendChild(el("p", "decision__trail-title", t("answers_title", "Your answers (change any of them):")));
    this.trail = el("ol");
    this.bar.appendChild(this.trail);
    this.controls = el("div", "decision__controls");
    this.back = button("decision__back", t("back", "Back"));
    this.restart = button("decision__restart", t("restart", "Restart"));
    this.controls.appendChild(this.back);
    this.controls.appendChild(this.restart);
    this.live = el("p", "visually-hidden");
    this.live.setAttribute("aria-live", "polite");
    this.live.setAttribute("role", "status");
    var first = this.root.querySelector(".decision__node");
    this.root.insertBefore(this.bar, first);
    this.root.insertBefore(this.controls, first);
    this.root.appendChild(this.live);
    this.back.addEventListener("click", function () { self.go(self.path.slice(0, -1), true); });
    this.restart.addEventListener("click", function () { self.memory = {}; self.go([], true); });
    // Answers become real buttons; the anchor stays in the no-JS markup only.
    Object.keys(this.sections).forEach(function (id) {
      var s = self.sections[id];
      s.querySelectorAll("a.decision__answer").forEach(function (a, index) {
        var b = button("decision__answer decision__answer--button");
        while (a.firstChild) b.appendChild(a.firstChild);
        b.addEventListener("click", function () { self.go(self.path.concat([index]), true); });
        a.parentNode.replaceChild(b, a);
      });
      s.setAttribute("tabindex", "-1");
    });
    this.why = el("div", "decision__why");
    this.actions = el("div", "decision__actions");
    var copy = button("decision__copy", t("copy_markdown", "Copy as Markdown"));
    var print = button("decision__print", t("print", "Print"));
    this.share = el("a", "decision__share", t("share", "Link to these answers"));
    copy.addEventListener("click", function () { self.copy(self.actions.getAttribute("data-record"), t("record_copied", "Decision record copied as Markdown")); });
    print.addEventListener("click", function () { window.print(); });
    this.actions.appendChild(copy);
    this.actions.appendChild(print);
    this.actions.appendChild(this.share);
    this.map = this.root.querySelector(".decision__map");
    // The map's nodes become links to their steps (the build draws them static, so the map is complete without JS).
    if (this.map) this.map.querySelectorAll("[data-node]").forEach(function (g) {
      var node = self.nodes[self.prefix + g.getAttribute("data-node")];
      if (!node) return;
      var a = document.createElementNS("http://www.w3.org/2000/svg", "a");
      a.setAttribute("href", "#" + node.id);
      a.setAttribute("aria-label", node.type === "outcome" ? t("map_outcome", "Outcome: {title}", { title: node.title })
        : t("map_question", "Question: {title}", { title: node.title }));
      g.parentNode.insertBefore(a, g);
      a.appendChild(g);
    });
  };

  // The URL names the nodes the reader went through: #key=second/third/outcome (ids without the page prefix).
  Widget.prototype.readPath = function () {
    var self = this, mine = null;
    hashParts().forEach(function (p) {
      var i = p.indexOf("=");
      if (decodeURIComponent(p.slice(0, i)) === self.key) mine = p.slice(i + 1);
    });
    if (mine === null) {
      var id = decodeURIComponent(location.hash.slice(1));
      return this.nodes[id] ? this.pathTo(id) : [];
    }
    var path = [], node = this.nodes[this.start];
    mine.split("/").filter(Boolean).forEach(function (part) {
      if (!node || node.type !== "question") return;
      var target = self.prefix + decodeURIComponent(part);
      var index = node.answers.findIndex(function (a) { return a.target === target; });
      if (index < 0) { node = null; return; }
      path.push(index);
      node = self.nodes[target];
    });
    return path;
  };

  Widget.prototype.url = function (path) {
    var self = this;
    var ids = this.walk(path).steps.map(function (s) {
      return encodeURIComponent(s.answer.target.slice(self.prefix.length));
    });
    var parts = hashParts().filter(function (p) { return decodeURIComponent(p.slice(0, p.indexOf("="))) !== self.key; });
    if (ids.length) parts.push(encodeURIComponent(this.key) + "=" + ids.join("/"));
    return parts.length ? "#" + parts.join("&") : location.pathname + location.search;
  };

  // A node's path: the current one when the node is on it, else the shortest from the start.
  Widget.prototype.pathTo = function (target) {
    var now = this.path || [], walked = this.walk(now);
    for (var i = 0; i < walked.steps.length; i++) {
      if (walked.steps[i].question.id === target) return now.slice(0, i);
    }
    if (walked.current.id === target) return now.slice();
    var queue = [[this.start, []]], seen = {};
    while (queue.length) {
      var item = queue.shift(), node = this.nodes[item[0]];
      if (item[0] === target) return item[1];
      if (seen[item[0]] || !node || node.type !== "question") continue;
      seen[item[0]] = true;
      node.answers.forEach(function (a, k) { queue.push([a.target, item[1].concat([k])]); });
    }
    return [];
  };

  Widget.prototype.walk = function (path) {
    var id = this.start, steps = [];
    for (var i = 0; i < path.length; i++) {
      var node = this.nodes[id];
      if (!node || node.type !== "question" || !node.answers[path[i]]) break;
      steps.push({ question: node, answer: node.answers[path[i]], index: path[i] });
      id = node.answers[path[i]].target;
    }
    return { steps: steps, current: this.nodes[id] };
  };

  // From a node, follow the remembered answers as far as they go: to an outcome, or to a question not yet answered.
  Widget.prototype.follow = function (id, memory, path) {
    var seen = {};
    for (var node = this.nodes[id]; node && node.type === "question" && memory[node.id] != null && !seen[node.id]; node = this.nodes[id]) {
      seen[node.id] = true;
      path.push(memory[node.id]);
      id = node.answers[memory[node.id]].target;
    }
    return this.nodes[id];
  };

  // Change the answer of an earlier step: the later answers that are still on the new path are kept.
  Widget.prototype.edit = function (step, index) {
    var state = this.walk(this.path), memory = {};
    state.steps.forEach(function (s) { memory[s.question.id] = s.index; });
    memory[state.steps[step].question.id] = index;
    var path = [], end = this.follow(this.start, memory, path);
    var kept = path.length - step - 1;
    this.go(path, false, kept > 0 ? (kept > 1 ? t("kept_other", "Kept {n} later answers.", { n: kept }) : t("kept_one", "Kept 1 later answer.")) + " " : "");
    var select = this.trail.querySelectorAll("select")[step];
    if (select) select.focus(); else this.sections[end.id].focus();
  };

  Widget.prototype.go = function (path, focus, note) {
    this.root.classList.add("decision--moving"); // animate steps the reader moves to, not the first paint
    history.pushState(null, "", this.url(path));
    this.render(path, focus, note);
  };

  Widget.prototype.copy = function (text, done) {
    var self = this;
    function fallback() {
      var area = el("textarea", "decision__copy-text");
      area.value = text;
      area.setAttribute("aria-label", t("copy_area", "Text to copy"));
      self.actions.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { /* the text stays selected for the reader */ }
      self.live.textContent = ok ? done : t("copy_by_hand", "Press Ctrl+C or Cmd+C to copy the selected text");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { self.live.textContent = done; }, fallback);
    } else fallback();
  };

  Widget.prototype.record = function (state, url) {
    var o = state.current, d = this.data, lines = ["# " + t("record_title", "Decision: {title}", { title: o.title }), ""];
    lines.push(t("record_from", "From") + " [" + (d.page ? d.guide + ": " + d.page : d.guide) + "](" + url + ")"
      + (o.reviewed ? ", " + t("record_reviewed", "reviewed {date}", { date: o.reviewed }) : "") + ".", "");
    lines.push("## " + t("record_questions", "Questions and answers"), "");
    state.steps.forEach(function (s, i) { lines.push((i + 1) + ". " + s.question.title + " **" + s.answer.label + "**"); });
    lines.push("", "## " + t("record_outcome", "Outcome"), "", o.title, "");
    if (o.why) lines.push("## " + t("record_why", "Why"), "", o.why, "");
    if (o.evidence.length) {
      lines.push("## " + t("record_evidence", "Evidence"), "");
      o.evidence.forEach(function (e) { lines.push("- [" + e.label + "](" + absolute(e.abs) + ")"); });
      lines.push("");
    }
    return lines.join("\n");
  };

  Widget.prototype.render = function (path, focus, note) {
    var self = this;
    var state = this.walk(path);
    this.path = path.slice(0, state.steps.length);
    state.steps.forEach(function (s) { self.memory[s.question.id] = s.index; });
    var current = state.current, section = this.sections[current.id];
    Object.keys(this.sections).forEach(function (id) { self.sections[id].hidden = id !== current.id; });
    this.trail.textContent = "";
    state.steps.forEach(function (s, i) {
      var li = el("li"), id = "wm-" + self.key + "-step-" + i;
      var label = el("label", null, (i + 1) + ". " + s.question.title);
      label.htmlFor = id;
      var select = el("select", "decision__edit");
      select.id = id;
      s.question.answers.forEach(function (a, k) {
        var option = el("option", null, a.label);
        option.value = k;
        option.selected = k === s.index;
        select.appendChild(option);
      });
      select.addEventListener("change", function () { self.edit(i, Number(select.value)); });
      li.appendChild(label);
      li.appendChild(select);
      self.trail.appendChild(li);
    });
    this.bar.hidden = state.steps.length === 0;
    this.back.disabled = this.restart.disabled = state.steps.length === 0;
    this.root.classList.toggle("decision--result", current.type === "outcome");
    var announce;
    if (current.type === "outcome") {
      this.why.textContent = "";
      if (state.steps.length) {
        this.why.appendChild(el("p", "decision__why-title", t("why", "Why this fits your answers:")));
        var ul = el("ul");
        state.steps.forEach(function (s) { ul.appendChild(el("li", null, s.question.title + " \u2014 " + s.answer.label)); });
        this.why.appendChild(ul);
      }
      var heading = section.querySelector("h2");
      heading.parentNode.insertBefore(this.why, heading.nextSibling);
      this.share.href = absolute(this.root.getAttribute("data-page") || location.href).replace(/#.*$/, "") + this.ownHash();
      if (this.root.hasAttribute("data-embed")) this.share.target = "_top";
      this.actions.setAttribute("data-record", this.record(state, absolute(this.data.url).replace(/#.*$/, "") + this.ownHash()));
      section.appendChild(this.actions);
      announce = t("announce_outcome", "Recommendation: {title}", { title: current.title });
    } else {
      var n = state.steps.length + 1;
      section.querySelector(".decision__step").textContent = t("step_question", "Question {n}", { n: n });
      section.querySelectorAll(".decision__answer").forEach(function (b, k) {
        var end = self.follow(current.answers[k].target, self.memory, []);
        var preview = b.querySelector(".decision__preview");
        if (preview) preview.textContent = end.type === "outcome"
          ? t("leads_to", "Leads to: {title}", { title: end.title }) : t("more_questions", "More questions");
      });
      announce = t("announce_question", "Question {n}: {title}", { n: n, title: current.title });
    }
    this.live.textContent = (note || "") + announce;
    this.highlight(state);
    if (focus) section.focus({ preventScroll: false });
  };

  // Only this widget's part of the hash, named as on the tree's own page, for links that open that page.
  Widget.prototype.ownHash = function () {
    var self = this, ids = this.walk(this.path).steps.map(function (s) {
      return encodeURIComponent(s.answer.target.slice(self.prefix.length));
    });
    return ids.length ? "#" + encodeURIComponent(this.data.own) + "=" + ids.join("/") : "";
  };

  Widget.prototype.highlight = function (state) {
    if (!this.map) return;
    var self = this, on = {};
    on[this.start.slice(this.prefix.length)] = 1;
    state.steps.forEach(function (s) {
      on[s.answer.target.slice(self.prefix.length)] = 1;
      on[s.question.id.slice(self.prefix.length) + ">" + s.index] = 1;
    });
    this.map.querySelectorAll("[data-node],[data-edge]").forEach(function (g) {
      var id = g.getAttribute("data-node") || g.getAttribute("data-edge");
      g.classList.toggle("is-path", !!on[id]);
      g.classList.toggle("is-current", id === state.current.id.slice(self.prefix.length));
    });
  };

  function init() {
    document.querySelectorAll(".decision").forEach(function (root) { new Widget(root); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
