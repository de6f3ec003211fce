/* Whole-file scoring, mirroring calculators/runners.py: read the file, find the columns, then the chosen kind's
   runner scores the rows, which filewrite.js writes out. Each calculator's runner is in its folder's filescore.js,
   which registers PB.fileRunners[kind] (a scorecard's kind is "score:<name>", its runner "score"); the build
   writes them in after this script (playbook/calculators/scripts.py). Runs in a Web Worker (worker.js) or, when
   none can start, on the page a slice at a time: the work is a generator that yields every SLICE rows so either
   caller can report progress. A CSV file is read a range at a time and the result written as Blob parts, so
   memory stays flat however long the file. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, OUT = PB.fileOut;

  // Column names accepted besides the field's own name (runners.NAMES)
  var NAMES = {
    value: ["金额", "销售额", "采购金额", "amount", "sales"],
    customer: ["客户", "客户名称", "客户编号", "customer id", "customer name"],
    date: ["日期", "订单日期", "下单日期", "order date"],
    amount: ["金额", "订单金额", "销售额", "value"],
    stage: ["阶段", "销售阶段", "商机阶段"],
    salesperson: ["销售人员", "销售", "业务员", "负责人", "owner"],
    region: ["区域", "地区", "大区"],
    answer: ["评分", "得分", "回答", "score", "rating"]
  };

  // io.find_columns: field → column index, the first header of an accepted name wins
  function findColumns(table, wanted, optional) {
    var index = new Map(), found = {};
    table.header.forEach(function (name, i) {
      var key = PB.py.strip(name).toLowerCase();
      if (!index.has(key)) index.set(key, i);
    });
    Object.keys(wanted).forEach(function (field) {
      var names = [field].concat(wanted[field]);
      var hit = names.map(function (n) { return index.get(PB.py.strip(n).toLowerCase()); })
        .filter(function (i) { return i !== undefined; })[0];
      if (hit !== undefined) found[field] = hit;
      else if ((optional || []).indexOf(field) < 0) {
        PB.fail("missing-column", { column: names[0] }, table.name + ": column '" + names[0] + "' is missing; expected a column named " +
          names.slice(0, 6).map(function (n) { return PB.py.repr(n); }).join(" or ") + ", or --map " + field +
          "=YOUR_HEADER (the file has: " + table.header.join(", ") + ")");
      }
    });
    return found;
  }

  // The accepted names of fields `names`, for findColumns
  function pick(names) {
    var out = {};
    names.forEach(function (n) { out[n] = NAMES[n]; });
    return out;
  }

  // "NAME=VALUE" pairs of an option typed on the page, split by `between`
  function pairs(text, between) {
    return text.split(between).map(function (pair) {
      var at = pair.search(/[=＝]/);
      return at < 0 ? null : [PB.py.strip(pair.slice(0, at)), PB.py.strip(pair.slice(at + 1))];
    }).filter(function (pair) { return pair && pair[0]; });
  }

  // The whole job: records → `state` {header, out (CSV lines), read, scored, failed, failures, labels, order,
  // and the runner's own `notes`}, which the kind's runner fills, given the page's options (its calculator's
  // fields as typed).
  // `source` gives [line, cells] records (PB.csv.textSource, or the rows of an xlsx sheet)
  function* scoreRecords(source, name, options, data, state) {
    var table = new PB.csv.Table(source, name, options.header_row);
    state.lang = options.lang || PB.cells.languageOf(table.header);
    state.messages = data.messages;
    state.words = data.words;
    state.columns = data.columns;
    state.headerLine = table.headerLine;
    state.duplicates = table.duplicates;
    yield* PB.fileRunners[options.kind.split(":")[0]](table, options, data, state);
  }

  // A CSV file's job (a File in a Worker, an ArrayBuffer on the page): read a range at a time; yields
  // progress {rows, share of the reading done}, returns the result
  function* scoreCsv(file, job) {
    var bytes = new PB.csv.Bytes(file), check = PB.csv.encodingOf(bytes), step;
    while (!(step = check.next()).done) yield { rows: 0, share: 0 };
    var encoding = step.value;
    return yield* scored(PB.csv.fileSource(bytes, encoding), job, encoding.toUpperCase(), bytes);
  }

  // An .xlsx job, on the workbook ExcelJS has read (no share: the workbook is read whole)
  function* scoreXlsx(book, job) {
    return yield* scored(PB.xlsx.source(book, job.options.sheet), job, "xlsx", null);
  }

  // The share read counts each time the runner reads the file: `state.passes`, which a runner that adds up
  // every row before writing any sets to 2 before it reads
  function* scored(source, job, encoding, bytes) {
    var state = { passes: 1 }, work = scoreRecords(source, job.name, job.options, job.data, state);
    for (var step = work.next(); !step.done; step = work.next()) {
      var whole = bytes ? bytes.size * state.passes : 0;
      yield { rows: step.value, share: whole ? Math.min(1, bytes.read / whole) : null };
    }
    return result(state, encoding);
  }

  // What the page shows and saves of a finished job (the worker posts it as it is; the Blob by reference)
  function result(state, encoding) {
    return { blob: state.out.blob(), read: state.read, scored: state.scored, failed: state.failed, failures: state.failures,
      notes: OUT.notes(state), labels: Array.from(state.labels.entries()), order: state.order, encoding: encoding };
  }

  PB.fileRunners = {};
  PB.files = { scoreCsv: scoreCsv, scoreXlsx: scoreXlsx, findColumns: findColumns, pick: pick, pairs: pairs };
})(typeof self !== "undefined" ? self : globalThis);
