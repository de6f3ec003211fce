/* CSV in and out, the way the command line reads and writes it (calculators/io.py, output.py):
   UTF-8 with or without BOM, else GB18030 (GBK's superset, as Chinese Excel saves); the delimiter the
   header line uses most (comma, semicolon or tab); Python's csv rules for quotes and line numbers;
   out: minimal quoting, CRLF, and a BOM on the file so Excel opens it as UTF-8. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // Bytes → text: the whole file as UTF-8 when it decodes, else GB18030
  function decode(bytes) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
    } catch (error) {
      return { text: new TextDecoder("gb18030").decode(bytes), encoding: "GB18030" };
    }
  }

  function delimiter(text) {
    var end = text.search(/\r|\n/), line = end < 0 ? text : text.slice(0, end), best = ",", most = -1;
    [",", ";", "\t"].forEach(function (d) {
      var n = line.split(d).length - 1;
      if (n > most) { best = d; most = n; }
    });
    return best;
  }

  // Physical lines with their ends (\n, \r\n or a lone \r), as Python reads a file opened with newline=""
  function* lines(text) {
    var at = 0, n = text.length, lf = -1, cr = -1, end;
    while (at < n) {
      // The next \n and \r, searched again only once passed (a file without \r is searched once)
      if (lf < at && lf !== n) lf = text.indexOf("\n", at);
      if (cr < at && cr !== n) cr = text.indexOf("\r", at);
      if (lf < 0) lf = n;
      if (cr < 0) cr = n;
      if (cr < lf) end = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      else end = lf < n ? lf + 1 : n;
      yield text.slice(at, end);
      at = end;
    }
  }

  // Records as [line number of their last line, cells]: _csv.c's reader, state by state (excel dialect)
  function* records(text, delim) {
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
    for (var line of lines(text)) {
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

  // A file as the command line's Table: header (stripped), then rows padded to its width
  function Table(text, name) {
    this.name = name;
    this.delim = delimiter(text);
    this.text = text;
    var first = records(text, this.delim).next();
    if (first.done || !first.value[1].some(function (c) { return c !== ""; })) {
      PB.fail("empty-file", {}, name + ": the file is empty; expected a header row and data rows");
    }
    this.header = first.value[1].map(function (c) { return PB.py.strip(c); });
  }

  // (line, cells, problem or null) for every non-blank row after the header
  Table.prototype.rows = function* () {
    var width = this.header.length, source = records(this.text, this.delim);
    source.next();
    for (var rec of source) {
      var line = rec[0], cells = rec[1];
      if (!cells.some(function (c) { return c !== ""; })) continue;
      if (cells.length <= width) {
        while (cells.length < width) cells.push("");
        yield [line, cells, null];
        continue;
      }
      var extra = cells.slice(width).filter(function (c) { return c !== ""; });
      var problem = extra.length ? "has " + cells.length + " cells but the header has " + width + "; extra cells: " +
        extra.map(function (c) { return '"' + c + '"'; }).join(", ") : null;
      yield [line, cells.slice(0, width), problem];
    }
  };

  // One output line: quotes only where a cell holds a comma, a quote or a line break
  function row(cells) {
    return cells.map(function (c) {
      var s = String(c);
      return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }).join(",") + "\r\n";
  }

  PB.csv = { decode: decode, delimiter: delimiter, records: records, Table: Table, row: row, BOM: "\ufeff" };
})(typeof self !== "undefined" ? self : globalThis);
