/* Progress across the site, kept in this browser: a module counts as read once its key points have been on
   screen; the navigation marks read pages; the "my progress" page lists what was read, filled in, marked
   and reviewed, and exports a completion slip (a .json file, and the same compressed into a QR code). */
(function () {
  "use strict";

  var lang = document.documentElement.lang === "en" ? "en" : "zh", KEY = "pb-read:" + lang;

  function isMarks(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) &&
      Object.keys(value).every(function (k) { return typeof value[k] === "string"; });
  }

  function readMarks() {
    return window.pbStore.load(KEY, isMarks, function () { return {}; });
  }

  var stored = window.pbStore.peek;

  // The site root, from material's configuration: page addresses are kept relative to it.
  function root() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function sitePath(href) {
    var url = new URL(href, window.location.href), top = root().href;
    return url.href.indexOf(top) === 0 ? url.href.slice(top.length).split("#")[0] : null;
  }

  function markModuleRead() {
    var points = document.querySelector(".pb-keypoints");
    if (!points || !("IntersectionObserver" in window)) return;
    new IntersectionObserver(function (entries, observer) {
      if (!entries.some(function (e) { return e.isIntersecting; })) return;
      observer.disconnect();
      var marks = readMarks();
      marks[sitePath(window.location.href)] = window.pbStore.day(new Date());
      window.pbStore.save(KEY, marks);
      markNavigation();
    }).observe(points);
  }

  function markNavigation() {
    var marks = readMarks();
    document.querySelectorAll(".md-nav__link[href]").forEach(function (link) {
      link.classList.toggle("pb-read", !!marks[sitePath(link.getAttribute("href"))]);
    });
  }

  function item(list, text, href, done) {
    var li = document.createElement("li"), target = li;
    if (href) { target = document.createElement("a"); target.href = href; li.appendChild(target); }
    target.textContent = text;
    li.className = done ? "pb-progress__done" : "pb-progress__todo";
    list.appendChild(li);
  }

  function fill(part, box, values) {
    var el = box.querySelector("[data-part='" + part + "']");
    el.textContent = Object.keys(values).reduce(function (t, k) { return t.replace("{" + k + "}", values[k]); },
                                                el.dataset.template);
  }

  // The quizzes with marks stored by quiz.js (pb:<store>:<id>:<lang>): how many marked, how many right (a
  // self-check's marks are by question number)
  function marked(quizzes, store) {
    return quizzes.map(function (q) {
      var marks = stored(["pb", store, q.id, lang].join(":"));
      var keys = marks && typeof marks === "object" ? Object.keys(marks) : [];
      if (q.questions) keys = keys.filter(function (k) { return +k >= 1 && +k <= q.questions; });  // as the quiz is now
      var values = keys.map(function (k) { return marks[k]; });
      return { id: q.id, title: q.title, questions: q.questions,
               right: values.filter(function (v) { return v === "right"; }).length, total: values.length };
    }).filter(function (q) { return q.total > 0; });
  }

  // What this browser recorded, by the ids of the playbook
  function record(outline) {
    var marks = readMarks(), filled = function (kind) {
      return outline[kind].filter(function (x) {
        var state = stored(["pb", kind.slice(0, -1), x.id, lang].join(":"));
        return state && typeof state === "object" && Object.keys(state).length > 0;
      }).map(function (x) { return x.id; });
    };
    var cards = stored("pb-cards:" + lang);
    return {
      modules: outline.modules.filter(function (m) { return marks[m.path]; }).map(function (m) { return m.id; }),
      checklists: filled("checklists"), sheets: filled("sheets"),
      quizzes: marked(outline.quizzes, "course-quiz"),
      selfChecks: marked(outline.self_checks, "quiz"),
      cards: cards && cards.cards && typeof cards.cards === "object" ? Object.keys(cards.cards).length : 0
    };
  }

  function showProgress(box) {
    var outline = JSON.parse(box.querySelector(".pb-progress__data").textContent);
    var done = record(outline), siteRoot = box.dataset.root;
    var modules = box.querySelector(".pb-progress__modules"), forms = box.querySelector(".pb-progress__forms");
    var quizzes = box.querySelector(".pb-progress__quizzes"), checks = box.querySelector(".pb-progress__checks");
    modules.textContent = forms.textContent = quizzes.textContent = checks.textContent = "";
    outline.modules.forEach(function (m) { item(modules, m.title, siteRoot + m.path, done.modules.indexOf(m.id) >= 0); });
    outline.checklists.concat(outline.sheets).forEach(function (x) {
      if (done.checklists.indexOf(x.id) >= 0 || done.sheets.indexOf(x.id) >= 0) item(forms, x.title, null, true);
    });
    done.quizzes.forEach(function (q) {
      item(quizzes, q.title + " · " + quizzes.dataset.template.replace("{right}", q.right).replace("{total}", q.total),
           null, true);
    });
    if (!done.quizzes.length) item(quizzes, quizzes.dataset.none, null, false);
    var passed = done.selfChecks.filter(function (q) { return q.right === q.questions; });
    done.selfChecks.forEach(function (q) {
      item(checks, q.title + " · " + quizzes.dataset.template.replace("{right}", q.right).replace("{total}", q.questions),
           null, passed.indexOf(q) >= 0);
    });
    fill("checks", box, { done: passed.length, total: outline.self_checks.length });
    fill("modules", box, { done: done.modules.length, total: outline.modules.length });
    fill("forms", box, { done: done.checklists.length + done.sheets.length,
                         total: outline.checklists.length + outline.sheets.length });
    fill("cards", box, { count: done.cards });
    return done;
  }

  function base64url(bytes) {
    var text = "";
    bytes.forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // The QR code's text: PBS1: and the slip's JSON as raw DEFLATE in base64url
  // (playbook/progress/progress.py reads both)
  function packed(json) {
    var stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return "PBS1:" + base64url(new Uint8Array(buffer));
    });
  }

  function result(q) { return { id: q.id, right: q.right, total: q.total }; }

  function exportSlip(box) {
    var name = box.querySelector(".pb-progress__name").value.trim(), error = box.querySelector(".pb-progress__error");
    error.hidden = !!name;
    if (!name) return;
    var done = showProgress(box);
    var slip = { slip: "sales-playbook", version: 1, name: name, lang: lang,
                 made: window.pbStore.day(new Date()), modules: done.modules, checklists: done.checklists,
                 sheets: done.sheets, cards: done.cards,
                 quizzes: done.quizzes.map(result),
                 self_checks: done.selfChecks.map(result) };
    var json = JSON.stringify(slip), link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    link.download = "slip-" + slip.made + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    if (window.qrcode && window.CompressionStream) packed(json).then(function (text) {
      var code = window.qrcode(0, "L");
      code.addData(text);
      code.make();
      var holder = box.querySelector(".pb-progress__qr");
      holder.innerHTML = code.createSvgTag(4, 8);  // markup made by the library from the packed slip
      holder.dataset.payload = text;
    });
  }

  function init() {
    markNavigation();
    markModuleRead();
    document.querySelectorAll("[data-progress]").forEach(function (box) {
      if (box.dataset.bound) return;
      box.dataset.bound = "1";
      showProgress(box);
      box.querySelector("[data-export]").addEventListener("click", function () { exportSlip(box); });
    });
  }

  window.pbStore.ready(init);
})();
