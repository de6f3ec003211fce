/* The whole-file scoring tool (`{{ calculator("score-file") }}`): choose or drop a CSV or .xlsx file, pick how to score
   it, see the counts per class as a chart and save the result as CSV. The bytes stay in this browser:
   a Web Worker reads the file a range at a time and scores it (from file://, the same worker started from a
   Blob), or, when no Worker can start, the page itself does, a slice at a time so it never freezes. A bar
   shows how far it is. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var HERE = document.currentScript && document.currentScript.src;
  var SILENT = 5000;
  var BATCH = 50;  // failed rows listed a frame
  var TURN = 30;  // ms of scoring on the page's own thread (no Worker) between two pauses
  var inline = null;  // from file://: a promise of the address of a Blob of the worker's text

  // A script next to this one (`path` relative to it), added to the page: a promise that it ran
  function load(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = HERE.replace(/[^/]*$/, path);
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // A promise of the job's Worker, or of null when none can start. From file:// Chromium starts no Worker from
  // a file's address but does from a Blob's: the same worker as one text (worker-inline.js, which the build
  // writes), with the browser's own Worker (the offline build's stand-in would run it on this thread). Such a
  // worker cannot import ExcelJS from the site, so an .xlsx file is read on the page there
  function startWorker(job) {
    if (!HERE) return Promise.resolve(null);
    if (root.location.protocol !== "file:") return Promise.resolve(started(root.Worker, HERE.replace(/[^/]*$/, "worker.js")));
    var Native = root.PlaybookWorker || root.Worker;
    if (PB.xlsx.isXlsx(job.name) || !Native || Native === root.IFrameWorker) return Promise.resolve(null);
    inline = inline || load("worker-inline.js").then(function () {
      return URL.createObjectURL(new Blob([root.PlaybookCalcWorker], { type: "text/javascript" }));
    });
    return inline.then(function (url) { return started(Native, url); }, function () { return null; });
  }

  function started(Maker, url) {
    try { return new Maker(url); } catch (error) { return null; }
  }

  // ExcelJS on the page (only when a Worker cannot run and the file is an .xlsx): a promise of it loaded
  function loadExcel() {
    return root.ExcelJS ? Promise.resolve() : load("../vendor/exceljs.min.js");
  }

  // A promise of the job's work (PB.files), from the file's bytes read on the page
  function workOf(job) {
    return job.file.arrayBuffer().then(function (bytes) {
      if (!PB.xlsx.isXlsx(job.name)) return PB.files.scoreCsv(bytes, job);
      return loadExcel().then(function () { return PB.xlsx.read(bytes); })
        .then(function (book) { return PB.files.scoreXlsx(book, job); });
    });
  }

  // The job on the page's own thread: slices of rows for TURN ms, then a pause for the page to breathe
  function onPage(job, report) {
    workOf(job).then(function (work) {
      var step = function () {
        try {
          var until = performance.now() + TURN, next;
          do next = work.next(); while (!next.done && performance.now() < until);
          if (!next.done) { report({ progress: next.value }); setTimeout(step, 0); return; }
          report({ done: next.value });
        } catch (error) {
          if (!(error instanceof PB.InputError)) throw error;
          report({ failed: error });
        }
      };
      step();
    }, function (error) { report({ failed: error }); });
  }

  // Run a job in a Worker, falling back to the page when the Worker cannot start or load
  function run(tool, job, report) {
    if (tool.worker) tool.worker.terminate();
    tool.worker = null;
    var turn = tool.turn = {};  // a newer job's start drops this one's worker
    startWorker(job).then(function (worker) {
      if (tool.turn !== turn) { if (worker) worker.terminate(); return; }
      tool.worker = worker;
      tool.mode = worker ? "worker" : "page";
      if (!worker) return onPage(job, report);
      var answered = false;
      var fallBack = function () {
        worker.terminate();
        if (tool.worker === worker) tool.worker = null;
        if (!answered) { answered = true; tool.mode = "page"; onPage(job, report); }
      };
      // A Worker that says nothing within SILENT ms is taken as one that could not start
      var watchdog = setTimeout(fallBack, SILENT);
      worker.onmessage = function (event) { clearTimeout(watchdog); answered = true; report(event.data); };
      worker.onerror = function (event) { event.preventDefault(); clearTimeout(watchdog); fallBack(); };
      worker.postMessage(job);
    });
  }

  // The chart's bars in the order the calculator defines (labels are already in the page's language)
  function titled(done) {
    var counts = new Map(done.labels), keys = done.order || Array.from(counts.keys());
    return keys.map(function (k) { return [String(k), counts.get(k) || 0]; });
  }

  // The command line's options: the chosen kind, the fields shown for it as typed (its calculator's runner reads
  // them), the page's language for the output
  function options(form, lang) {
    var o = { kind: form.elements.kind.value, lang: lang };
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !(field.name in o) && field.type !== "file" && !field.closest("[hidden]") && field.value.trim()) {
        o[field.name] = field.value.trim();
      }
    });
    if (o.header_row) o.header_row = parseInt(o.header_row, 10) || undefined;
    return o;
  }

  // The failed rows as a table of line and reason (text only, never markup); past the first few hundred,
  // how many more there are (each is in the download's error column). Listed BATCH rows a frame: laying out
  // 500 rows at once kept the page's thread busy for 50-110 ms
  function failures(tool, list, count) {
    var box = tool.el.querySelector(".pb-file__failures"), body = box.querySelector("tbody"), more = box.querySelector(".pb-file__more");
    var listed = tool.listed = {};  // a newer list stops this one
    var add = function (from) {
      if (tool.listed !== listed) return;
      list.slice(from, from + BATCH).forEach(function (f) {
        var tr = body.insertRow();
        tr.insertCell().textContent = String(f[0]);
        tr.insertCell().textContent = f[1];
      });
      if (from + BATCH < list.length) requestAnimationFrame(function () { add(from + BATCH); });
    };
    body.textContent = "";
    add(0);
    more.textContent = PB.messages.fill(tool.strings["calc-file-more-failures"], { count: count - list.length });
    more.hidden = count <= list.length;
    box.hidden = !list.length;
  }

  // The bar under the status: the share of the file read, or moving without a share (an .xlsx workbook)
  function progress(tool, share) {
    var bar = tool.el.querySelector(".pb-file__progress");
    bar.hidden = share === undefined;
    if (typeof share === "number") bar.value = share;
    else bar.removeAttribute("value");
  }

  function score(tool) {
    if (!tool.file) return;
    var el = tool.el, form = el.querySelector("form"), S = tool.strings, status = el.querySelector(".pb-file__status");
    var chart = el.querySelector("svg.pb-chart"), save = el.querySelector(".pb-file__download");
    var job = { file: tool.file, name: tool.file.name, options: options(form, tool.lang), data: tool.cfg.data };
    var started = performance.now();
    save.hidden = true;
    chart.setAttribute("hidden", "");
    failures(tool, [], 0);
    progress(tool, 0);
    el.dataset.state = "working";
    run(tool, job, function (msg) {
      if (msg.progress) {
        status.textContent = PB.messages.fill(S["calc-file-working"], { rows: msg.progress.rows });
        progress(tool, msg.progress.share);
      }
      if (msg.failed || msg.done) progress(tool, undefined);
      if (msg.failed) {
        el.dataset.state = "failed";
        status.textContent = PB.messages.fill(S["calc-file-failed"], { message: PB.messages.message(msg.failed, S) });
      }
      if (!msg.done) return;
      var d = msg.done, seconds = (performance.now() - started) / 1000;
      status.textContent = PB.messages.fill(S["calc-file-done"], { rows: d.read, scored: d.scored, failed: d.failed,
        seconds: seconds.toFixed(2), encoding: d.encoding });
      PB.chart.bars(chart, titled(d), S["calc-file-chart"]);
      failures(tool, d.failures, d.failed);
      var notes = el.querySelector(".pb-file__notes");
      notes.textContent = "";
      d.notes.forEach(function (text) { notes.appendChild(document.createElement("li")).textContent = text; });
      notes.hidden = !d.notes.length;
      PB.download.link(save, d.blob, PB.download.resultName(job.name, job.options.kind));
      el.dataset.seconds = String(seconds);
      el.dataset.mode = tool.mode;
      el.dataset.state = "done";
    });
  }

  // The chosen File itself is kept (the browser reads it from disk when asked), never a copy of its bytes
  function take(tool, file) {
    if (!file) return;
    tool.file = file;
    score(tool);
  }

  // Wire the tool once: file chooser, drop zone, and options that rescore
  function bind(el) {
    if (el.dataset.pbBound) return;
    el.dataset.pbBound = "true";
    var tool = { el: el, cfg: JSON.parse(el.dataset.config), strings: JSON.parse(el.dataset.strings), lang: el.dataset.lang };
    var form = el.querySelector("form"), drop = el.querySelector(".pb-drop");
    // Only the fields of the chosen calculator (a scorecard's kind is "score:<name>")
    var showOptions = function () {
      var kind = form.elements.kind.value.split(":")[0];
      el.querySelectorAll("[data-for]").forEach(function (box) { box.hidden = box.dataset.for.split(" ").indexOf(kind) < 0; });
    };
    form.elements.file.addEventListener("change", function () { take(tool, form.elements.file.files[0]); });
    form.addEventListener("change", function (event) {
      if (event.target.name !== "file") { showOptions(); score(tool); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("pb-drop--over"); });
    });
    drop.addEventListener("dragleave", function () { drop.classList.remove("pb-drop--over"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("pb-drop--over");
      take(tool, event.dataTransfer.files[0]);
    });
    showOptions();
    el.hidden = false;
    // A file picked before this script ran (a slow phone) is scored now, not left waiting for another pick
    if (form.elements.file.files.length) take(tool, form.elements.file.files[0]);
  }

  function init() {
    document.querySelectorAll(".pb-calc[data-file-tool]").forEach(bind);
  }

  if (typeof root.document$ !== "undefined") root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
