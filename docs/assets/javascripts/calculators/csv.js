/* CSV in and out, the way the command line reads and writes it (calculators/io.py, output.py):
   UTF-8 with or without BOM, else GB18030 (GBK's superset, as Chinese Excel saves); the delimiter the
   header line uses most (comma, semicolon or tab); Python's csv rules for quotes and line numbers;
   out: minimal quoting, CRLF, and a BOM on the file so Excel opens it as UTF-8. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // Bytes decoded at a time (PB.csv.chunk): a file is never held whole as text, and a piece's text (8 KB)
  // dies young in the worker's heap. What is alive at each young collection adds up until V8 doubles the
  // young generation: with 16 KB pieces it reached V8's most (48 MB in a 1M-row RFM scoring), with 4 KB
  // pieces half of it (Node: 16 against 32 MB for 1M scorecard rows); at 64 KB the scoring took ~15 MB more
  var CHUNK = 1 << 12;
  // Bytes read from a File at a time (PB.csv.read), the pieces decoded from them. Reading alone, 1 MB reads
  // were faster (a 21 MB file twice: 0.8-1.5 s, 6.5-7.5 s in 16 KB reads), but the whole scoring of 1M rows
  // slower (21 s against 14 s; probably as a megabyte read lives through the worker's young collections)
  var READ = 1 << 14;
  var CHECKED = 64;  // pieces checked for UTF-8 between two yields of encodingOf

  // A file's bytes a range at a time: a File or Blob read synchronously (in a Worker, FileReaderSync) READ
  // bytes at a time, or an ArrayBuffer already in memory (the page's own thread). `read` counts every
  // byte it hands out.
  function Bytes(file) {
    this.file = file;
    this.size = file.size !== undefined ? file.size : file.byteLength;
    this.read = 0;
    this.reader = file instanceof ArrayBuffer ? null : new FileReaderSync();
    this.held = new Uint8Array(0);  // the last range read, from byte `at`
    this.at = 0;
  }

  Bytes.prototype.range = function (start, end) {
    this.read += end - start;
    if (!this.reader) return new Uint8Array(this.file, start, end - start);
    if (start < this.at || end > this.at + this.held.length) {
      this.at = start;
      this.held = new Uint8Array(this.reader.readAsArrayBuffer(this.file.slice(start, Math.max(end, Math.min(this.size, start + PB.csv.read)))));
    }
    return this.held.subarray(start - this.at, end - this.at);
  };

  // The file's text in pieces, decoded as it goes (a character cut between two ranges is kept for the next)
  function* pieces(bytes, encoding) {
    var decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    for (var at = 0, step = PB.csv.chunk; at < bytes.size; at += step) {
      yield decoder.decode(bytes.range(at, Math.min(at + step, bytes.size)), { stream: true });
    }
    yield decoder.decode();
  }

  // The file's encoding, as the command line reads it: UTF-8 (with or without BOM) when the whole file
  // decodes as UTF-8, else GB18030. Checked a range at a time, nothing kept, not counted as progress; a
  // generator that yields every CHECKED pieces (checking a 27 MB UTF-8 file at once froze the page ~100 ms)
  function* encodingOf(bytes) {
    var check = pieces(bytes, "utf-8"), k = 0;
    try {
      while (!check.next().done) if (++k % CHECKED === 0) yield;
      return "utf-8";
    } catch (error) {
      return "gb18030";
    } finally {
      bytes.read = 0;
    }
  }

  function delimiter(line) {
    var best = ",", most = -1;
    [",", ";", "\t"].forEach(function (d) {
      var n = line.split(d).length - 1;
      if (n > most) { best = d; most = n; }
    });
    return best;
  }

  // Physical lines with their ends (\n, \r\n or a lone \r), as Python reads a file opened with newline="",
  // across the pieces of text: a line still open at a piece's end (or a \r that a \n may follow) waits
  function* lines(texts) {
    var rest = "";
    for (var piece of texts) {
      var text = rest + piece, at = 0, n = text.length, lf = -1, cr = -1, end;
      rest = "";
      while (at < n) {
        // The next \n and \r, searched again only once passed (a text without \r is searched once)
        if (lf < at && lf !== n) lf = text.indexOf("\n", at);
        if (cr < at && cr !== n) cr = text.indexOf("\r", at);
        if (lf < 0) lf = n;
        if (cr < 0) cr = n;
        if (cr < lf) end = cr + 1 < n ? (text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1) : n + 1;
        else end = lf < n ? lf + 1 : n + 1;
        if (end > n) { rest = text.slice(at); break; }
        yield text.slice(at, end);
        at = end;
      }
    }
    if (rest) yield rest;
  }

  // Records as [line number of their last line, cells]: _csv.c's reader, state by state (excel dialect)
  function* records(physical, delim) {
    var START_RECORD = 0, START_FIELD = 1, IN_FIELD = 2, IN_QUOTED = 3, QUOTE_IN_QUOTED = 4, EAT_CRNL = 5;
    var state = START_RECORD, cells = [], field = "", number = 0;
    var save = function () { cells.push(field); field = ""; };
    // One character, or null for the end of a line
    var feed = function (c) {
      var end = c === null || c === "\n" || c === "\r";
      switch (state) {
        case START_RECORD:
          if (c === null) return;
          if (c === "\n" || c === "\r") { state = EAT_CRNL; return; }
          state = START_FIELD;  // falls through to a field's first character
        case START_FIELD:
          if (end) { save(); state = c === null ? START_RECORD : EAT_CRNL; }
          else if (c === '"') state = IN_QUOTED;
          else if (c === delim) save();
          else { field += c; state = IN_FIELD; }
          return;
        case IN_FIELD:
          if (end) { save(); state = c === null ? START_RECORD : EAT_CRNL; }
          else if (c === delim) { save(); state = START_FIELD; }
          else field += c;
          return;
        case IN_QUOTED:
          if (c === '"') state = QUOTE_IN_QUOTED;
          else if (c !== null) field += c;
          return;
        case QUOTE_IN_QUOTED:
          if (c === '"') { field += c; state = IN_QUOTED; }
          else if (c === delim) { save(); state = START_FIELD; }
          else if (end) { save(); state = c === null ? START_RECORD : EAT_CRNL; }
          else { field += c; state = IN_FIELD; }
          return;
        default:  // EAT_CRNL: only a line's end can follow a line break here
          if (c === null) state = START_RECORD;
      }
    };
    for (var line of physical) {
      number += 1;
      // The common line: no quote, starting a record; split it at once
      if (state === START_RECORD && line.indexOf('"') < 0) {
        var body = line.replace(/\r?\n$|\r$/, "");
        yield [number, body === "" ? [] : body.split(delim)];
        continue;
      }
      for (var k = 0; k < line.length; k++) feed(line[k]);
      feed(null);
      if (state === START_RECORD) { yield [number, cells]; cells = []; }
    }
    if (field !== "" || state === IN_QUOTED) { save(); yield [number, cells]; }
  }

  var HEADER_SEARCH = 10;  // io.HEADER_SEARCH: rows looked at to find the header below a title

  // A file as the command line's Table: the header (a given row, or found below a one-cell title), then
  // rows padded to its width. `source()` gives [line, cells] records; text files and xlsx sheets alike
  function Table(source, name, headerRow) {
    this.name = name;
    this.source = source;
    var top = [];
    for (var rec of source()) {
      if (headerRow && rec[0] === headerRow) { top = [rec]; break; }
      if (!headerRow && filled(rec[1])) top.push(rec);
      if (top.length === HEADER_SEARCH || (headerRow && rec[0] > headerRow)) break;
    }
    if (headerRow && !top.length) PB.fail("no-row", {}, name + ": there is no row " + headerRow + "; expected --header-row within the file");
    if (!top.length) PB.fail("empty-file", {}, name + ": the file is empty; expected a header row and data rows");
    var head = headerRow ? top[0] : top[PB.cells.headerPosition(top.map(function (r) { return r[1]; }))];
    this.headerLine = head[0];
    this.header = head[1].map(function (c) { return c === null || c === undefined ? "" : PB.py.strip(String(c)); });
    this.duplicates = duplicates(this.header);
  }

  function filled(cells) {
    return cells.some(function (c) { return c !== null && c !== undefined && c !== ""; });
  }

  // io._duplicates: each name found more than once → its column numbers
  function duplicates(header) {
    var seen = new Map();
    header.forEach(function (name, i) {
      if (!name) return;
      var key = name.toLowerCase();
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key).push(i + 1);
    });
    return Array.from(seen.values()).filter(function (c) { return c.length > 1; })
      .map(function (c) { return [header[c[0] - 1], c]; });
  }

  // (line, cells, problem) for every non-blank row after the header; problem null, "total" or an InputError
  Table.prototype.rows = function* () {
    var width = this.header.length, started = false;
    for (var rec of this.source()) {
      var line = rec[0], cells = rec[1];
      if (!started) { started = line === this.headerLine; continue; }
      if (!filled(cells)) continue;
      if (cells.length <= width) {
        while (cells.length < width) cells.push("");
        yield [line, cells, PB.cells.isTotalRow(cells) ? "total" : null];
        continue;
      }
      var extra = cells.slice(width).filter(function (c) { return c !== null && c !== undefined && c !== ""; });
      var params = { count: cells.length, width: width, cells: extra.map(function (c) { return '"' + c + '"'; }).join(", ") };
      var problem = extra.length ? new PB.InputError("extra-cells", params, "has " + params.count + " cells but the header has " +
        width + "; extra cells: " + params.cells) : (PB.cells.isTotalRow(cells) ? "total" : null);
      yield [line, cells.slice(0, width), problem];
    }
  };

  // A CSV file's records, as Table takes them: read, decoded and split a range at a time on every pass.
  // The delimiter is the one the first line uses most (comma, semicolon or tab)
  function fileSource(bytes, encoding) {
    var delim = null;
    return function* () {
      var physical = lines(pieces(bytes, encoding));
      var first = physical.next();
      if (first.done) return;
      if (delim === null) delim = delimiter(first.value);
      yield* records(withFirst(first.value, physical), delim);
    };
  }

  function* withFirst(line, rest) {
    yield line;
    yield* rest;
  }

  // One output line: quotes only where a cell holds a comma, a quote or a line break; a text that could run
  // as a formula is neutralised (cells.safe_cell)
  function row(cells) {
    return cells.map(function (c) {
      // as Python's csv writes them: None empty, a float in its shortest form
      var v = PB.cells.safeCell(c);
      var s = v === null || v === undefined ? "" : (typeof v === "number" && !Number.isInteger(v) ? PB.py.floatRepr(v) : String(v));
      return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }).join(",") + "\r\n";
  }

  PB.csv = { Bytes: Bytes, encodingOf: encodingOf, fileSource: fileSource, Table: Table, row: row, BOM: "\ufeff", chunk: CHUNK, read: READ };
})(typeof self !== "undefined" ? self : globalThis);
