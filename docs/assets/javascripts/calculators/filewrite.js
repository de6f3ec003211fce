/* Writing a scored file, mirroring calculators/batch.py: every input row out, in order, with the calculator's
   columns and an `error` column, counting a label per row, as CSV bytes in Blob parts; then the summary's notes
   about the file. The runners of filescore.js call it; it yields every SLICE rows so callers report progress. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var SLICE = 1000;  // rows between two yields: on the page's own thread, a pause for it at least this often
  var POST = 5;  // yields between two progress messages of the Worker (every 5,000 rows)
  var LINES = 200;     // lines encoded at a time
  var PART = 1 << 20;  // bytes of a Blob part (about 25,000 lines)
  var ENCODER = new TextEncoder();
  var SHOWN = 500;  // failed rows listed on the page; every one is in the download's error column
  var LISTED = 10;  // line numbers a note lists before "…"

  // The result file as UTF-8 bytes, BOM first so Excel reads it as UTF-8. A few hundred lines at a time are
  // encoded into one buffer of a megabyte, made a Blob part (a copy the browser keeps out of the script's
  // memory) each time it fills: no line outlives its batch, a million rows are never one string, and no
  // array of bytes is left for the garbage collector (kept past two of its young-generation passes, such
  // arrays were freed only by a full collection, 64 MB of them at a time)
  function Output() {
    this.parts = [PB.csv.BOM];
    this.buffer = new Uint8Array(PART);
    this.size = 0;
    this.lines = [];
  }

  Output.prototype.add = function (cells) {
    this.lines.push(PB.csv.row(cells));
    if (this.lines.length === LINES) this.encode();
  };

  Output.prototype.encode = function () {
    var text = this.lines.join("");
    this.lines = [];
    for (;;) {
      var got = ENCODER.encodeInto(text, this.buffer.subarray(this.size));  // whole characters only
      this.size += got.written;
      if (got.read === text.length) return;
      text = text.slice(got.read);
      this.flush();
    }
  };

  Output.prototype.flush = function () {
    if (this.size) this.parts.push(new Blob([this.buffer.subarray(0, this.size)]));
    this.size = 0;
  };

  Output.prototype.blob = function () {
    this.encode();
    this.flush();
    return new Blob(this.parts, { type: "text/csv;charset=utf-8" });
  };

  // batch.stream: every row out, in order; row(cells, line) gives [added cells, label] or throws InputError.
  // Total rows are written marked and never scored; messages in the file's language (state.lang)
  function* stream(table, added, row, state) {
    var named = function (key) { return state.columns[key][state.lang]; };  // messages.COLUMNS
    state.header = table.header.concat(added.concat(["error"]).map(named));
    state.out = new Output();
    state.out.add(state.header);
    state.read = state.scored = state.failed = 0;
    state.labels = new Map();
    state.failures = [];
    state.totals = [];
    var blank = added.map(function () { return ""; }), m = state.messages, lang = state.lang;
    for (var r of table.rows()) {
      var line = r[0], cells = r[1], problem = r[2];
      state.read += 1;
      if (state.read % SLICE === 0) yield state.read;
      if (problem === "total") {
        state.totals.push(line);
        state.out.add((cells.concat(blank, [PB.cells.say(m, "total-row", lang, {})])));
        continue;
      }
      if (problem === null) {
        try {
          var got = row(cells, line);
          state.scored += 1;
          if (got[1] !== null && got[1] !== undefined) state.labels.set(got[1], (state.labels.get(got[1]) || 0) + 1);
          state.out.add((cells.concat(got[0], [""])));
          continue;
        } catch (error) {
          if (!(error instanceof PB.InputError)) throw error;
          problem = error;
        }
      }
      state.failed += 1;
      var reason = PB.cells.text(problem, lang, m);
      if (state.failures.length < SHOWN) state.failures.push([line, reason]);
      state.out.add((cells.concat(blank, [PB.cells.say(m, "line", lang, { line: line, message: reason })])));
    }
  }

  // runners.ShareOrPercent: a column of percentages (22) with plain values below 1 (shares, 0.22) is a warning
  function ShareOrPercent(name) {
    this.name = name;
    this.share = [];
    this.percent = [];
  }

  // Only what the warning shows is kept: the first percent, the first lines of shares, and whether there are more
  ShareOrPercent.prototype.see = function (line, cell, value) {
    if ((typeof cell === "string" && cell.indexOf("%") >= 0) || Math.abs(value) >= 1) {
      if (!this.percent.length) this.percent.push([line, cell]);
    } else if (value !== 0 && this.share.length <= LISTED) this.share.push([line, cell]);
  };

  // The summary's lines about the file, in its language (batch.describe and the runners' warnings), then the
  // runner's own (`state.notes`, as a file command's summary.say)
  function notes(state) {
    var m = state.messages, lang = state.lang, out = [];
    var lines = function (list) { return list.slice(0, LISTED).join(", ") + (list.length > LISTED ? ", …" : ""); };
    if (state.headerLine > 1) out.push(PB.cells.say(m, "summary-title", lang, { line: state.headerLine }));
    state.duplicates.forEach(function (d) {
      out.push(PB.cells.say(m, "summary-duplicate", lang, { name: "'" + d[0] + "'", columns: d[1].join(", ") }));
    });
    if (state.totals.length) out.push(PB.cells.say(m, "summary-totals", lang, { count: state.totals.length, lines: lines(state.totals) }));
    (state.watch || []).forEach(function (w) {
      if (!w.share.length || !w.percent.length) return;
      out.push(PB.cells.say(m, "summary-mixed", lang, { name: "'" + w.name + "'", share: cellText(w.share[0][1]),
        percent: cellText(w.percent[0][1]), lines: lines(w.share.map(function (s) { return s[0]; })) }));
    });
    return out.concat(state.notes || []);
  }

  // Python's str() of a number cell: 860000 → "860000", 0.5 → "0.5"
  function cellText(value) {
    return typeof value === "number" && !Number.isInteger(value) ? PB.py.floatRepr(value) : String(value);
  }

  PB.fileOut = { stream: stream, notes: notes, ShareOrPercent: ShareOrPercent, cellText: cellText, SLICE: SLICE, POST: POST };
})(typeof self !== "undefined" ? self : globalThis);
