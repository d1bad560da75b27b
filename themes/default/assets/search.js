// Offline search: the index is fetched only when the reader starts searching, shard by shard, from the same site.
// Ranking: title and heading matches first, prefixes count ("async" finds "asynchronous"), one-letter typos count.
(function () {
  "use strict";
  // Interface text, from theme.js: English here; a page in another language hands its own in <script id="wm-ui">.
  var t = window.wmText;
  var form = document.querySelector("form.search[data-index]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[type=search]");
  var indexUrl = new URL(form.getAttribute("data-index"), location.href);
  var entries = null, loading = null, active = -1, results = [];
  // Opened from disk (file://), the browser refuses to fetch the index; say how to preview instead of failing.
  var fromDisk = location.protocol === "file:";

  var list = document.createElement("ul");
  list.id = "wm-search-results";
  list.className = "search__results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", t("search_results", "Search results"));
  list.hidden = true;
  form.appendChild(list);
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-autocomplete", "list");

  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }

  function load() {
    if (loading) return loading;
    if (fromDisk) return Promise.reject(new Error("file"));
    loading = json(indexUrl).then(function (m) {
      return Promise.all(m.shards.map(function (s) { return json(new URL(s, indexUrl)); }));
    }).then(function (shards) {
      entries = [];
      shards.forEach(function (rows) {
        rows.forEach(function (r) {
          entries.push({ url: r[0], page: r[1], heading: r[2], text: r[3], kind: r[4],
            t: words(r[1]), h: words(r[2]), x: words(r[3]) });
        });
      });
      return entries;
    });
    loading.catch(function () { loading = null; }); // a later keystroke tries again
    return loading;
  }

  // The index could not be had: one message in place of results, also announced; never an uncaught error.
  function explain() {
    var text = fromDisk
      ? t("search_from_disk", "Search needs the site to be served, not opened as a file. Preview it with \u201cwaymark serve\u201d, or press Search for a list of every page.")
      : t("search_failed", "Search could not load its index. Press Search for a list of every page.");
    list.textContent = "";
    var li = document.createElement("li");
    li.className = "search__none";
    li.textContent = text;
    list.appendChild(li);
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = text;
    results = [];
    select(-1);
  }

  function norm(s) { return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, ""); }
  function words(s) { return norm(s || "").split(/[^\p{L}\p{N}]+/u).filter(Boolean); }

  // 1 when two words are at most one edit apart (only for words of 4+ letters).
  function near(a, b) {
    if (a.length < 4 || Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++; else if (b.length > a.length) j++; else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  function termScore(term, list) {
    var best = 0;
    for (var i = 0; i < list.length; i++) {
      var w = list[i];
      if (w === term) return 3;
      if (w.indexOf(term) === 0) best = Math.max(best, 2);
      else if (best < 1 && near(term, w)) best = 1;
    }
    return best;
  }

  function search(q) {
    var terms = words(q);
    if (!terms.length) return [];
    var out = [];
    entries.forEach(function (e) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var s = termScore(terms[i], e.t) * 10 + termScore(terms[i], e.h) * 6 + termScore(terms[i], e.x);
        if (!s) return;
        score += s;
      }
      // A heading or title that is exactly the query is the best answer ("alembic" -> the Alembic entry).
      var whole = terms.join(" ");
      if (e.h.join(" ") === whole || e.t.join(" ") === whole) score += 15;
      if (e.kind === "page") score += 2;
      out.push({ e: e, score: score });
    });
    out.sort(function (a, b) { return b.score - a.score || a.e.url.localeCompare(b.e.url); });
    return out.slice(0, 10).map(function (r) { return r.e; });
  }

  // Appends text to a node with every matched term wrapped in <mark>; no HTML is ever parsed.
  function highlight(node, text, terms) {
    var re = new RegExp("(" + terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "ig");
    var last = 0, m;
    while ((m = re.exec(text)) && m[0]) {
      node.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      node.appendChild(mark);
      last = m.index + m[0].length;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  function snippet(text, terms) {
    var lower = norm(text), at = -1;
    terms.some(function (t) { at = lower.indexOf(t); return at >= 0; });
    var start = Math.max(0, at - 40);
    return (start ? "\u2026" : "") + text.slice(start, start + 140) + (text.length > start + 140 ? "\u2026" : "");
  }

  function render(q) {
    results = search(q);
    var terms = words(q);
    list.textContent = "";
    active = results.length ? 0 : -1;
    results.forEach(function (e, i) {
      var li = document.createElement("li");
      li.id = "wm-search-result-" + i;
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = new URL(e.url, indexUrl.href.replace(/search\/index\.json$/, "")).href;
      a.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "search__title";
      highlight(title, e.heading ? e.page + " \u203a " + e.heading : e.page, terms);
      a.appendChild(title);
      if (e.text) {
        var text = document.createElement("span");
        text.className = "search__snippet";
        highlight(text, snippet(e.text, terms), terms);
        a.appendChild(text);
      }
      li.appendChild(a);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); location.href = a.href; });
      list.appendChild(li);
    });
    list.hidden = !q.trim();
    if (q.trim() && !results.length) {
      var none = document.createElement("li");
      none.className = "search__none";
      none.textContent = t("search_no_results", "No results");
      list.appendChild(none);
    }
    input.setAttribute("aria-expanded", String(!list.hidden));
    status.textContent = q.trim() ? (results.length === 1 ? t("search_count_one", "1 result")
      : t("search_count_other", "{n} results", { n: results.length })) : "";
    select(active);
  }

  function select(i) {
    var items = list.querySelectorAll("[role=option]");
    items.forEach(function (li, n) { li.setAttribute("aria-selected", String(n === i)); });
    if (i >= 0 && items[i]) input.setAttribute("aria-activedescendant", items[i].id);
    else input.removeAttribute("aria-activedescendant");
    active = i;
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value;
    timer = setTimeout(function () { load().then(function () { render(q); }, explain); }, 40);
  });
  input.addEventListener("focus", function () { if (!fromDisk) load().catch(function () { /* shown on typing */ }); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" && results.length) { ev.preventDefault(); select((active + 1) % results.length); }
    else if (ev.key === "ArrowUp" && results.length) { ev.preventDefault(); select((active - 1 + results.length) % results.length); }
    else if (ev.key === "Escape") { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
  });
  form.addEventListener("submit", function (ev) {
    if (active >= 0 && results[active]) {
      ev.preventDefault();
      location.href = list.querySelectorAll("[role=option] a")[active].href;
    }
  });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; load().then(function () { render(q); input.focus(); }, explain); }
})();
