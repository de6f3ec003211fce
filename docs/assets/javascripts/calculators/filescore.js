/* Whole-file scoring, mirroring calculators/runners.py: read the file, find the columns, then each calculator's
   runner scores the rows, which filewrite.js writes out. Runs in a Web Worker (worker.js) or, when none can
   start, on the page a slice at a time: the work is a generator that yields every SLICE rows so either caller
   can report progress. A CSV file is read a range at a time and the result written as Blob parts, so memory
   stays flat however long the file. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, OUT = PB.fileOut, SLICE = OUT.SLICE, stream = OUT.stream, cellText = OUT.cellText;

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

  function pick(names) {
    var out = {};
    names.forEach(function (n) { out[n] = NAMES[n]; });
    return out;
  }

  // ABC's values in a Float64Array that doubles when full: 8 bytes a value, none of them an object
  function Numbers() {
    this.array = new Float64Array(1024);
    this.length = 0;
  }

  Numbers.prototype.push = function (value) {
    if (this.length === this.array.length) {
      var more = new Float64Array(this.length * 2);
      more.set(this.array);
      this.array = more;
    }
    this.array[this.length++] = value;
  };

  Numbers.prototype.values = function () {
    return this.array.subarray(0, this.length);
  };

  var RUNNERS = {
    // A scorecard: score (2 decimals) and tier
    score: function* (table, o, data, state) {
      var card = PB.loadScorecard(o.scorecard, data), wanted = {};
      card.criteria.forEach(function (c) { wanted[c.key] = [c.title.zh, c.title.en].concat(c.aliases || []); });
      var columns = findColumns(table, wanted);
      var index = card.criteria.map(function (c) { return columns[c.key]; });
      var scorer = new PB.Scorer(card, index.map(function (i) { return table.header[i]; }));
      var titles = {}, watch = [];
      card.tiers.forEach(function (t) { titles[t.key] = t.title[state.lang]; });
      card.criteria.forEach(function (c, k) { if (c.percent) watch.push([k, new OUT.ShareOrPercent(table.header[index[k]])]); });
      state.watch = watch.map(function (w) { return w[1]; });
      state.order = card.tiers.map(function (t) { return titles[t.key]; });
      yield* stream(table, ["score", "tier"], function (cells, line) {
        var values = index.map(function (i) { return cells[i]; }), got = scorer.score(values);
        watch.forEach(function (w) { w[1].see(line, values[w[0]], PB.number(values[w[0]], "", { percent: true })); });
        return [[PB.py.floatRepr(PB.py.round(got[0], 2)), titles[got[1]]], titles[got[1]]];
      }, state);
    },

    // ABC: a first pass reads the values, the second writes share, cumulative, class and rank
    abc: function* (table, o, data, state) {
      var i = findColumns(table, pick(["value"])).value, name = table.header[i], numbers = new Numbers(), problems = new Map(), k = 0;
      for (var r of table.rows()) {
        if (r[2] !== null) continue;  // a total row or one of the wrong shape is never counted
        try { numbers.push(PB.number(r[1][i], name, { minimum: 0 })); } catch (error) {
          if (!(error instanceof PB.InputError)) throw error;
          problems.set(k, error);
        }
        k += 1;
        if (k % SLICE === 0) yield 0;
      }
      var t = PB.abc.thresholds(o.a, o.b, data), values = numbers.values(), ranking = PB.abc.rankingSteps(values), step;
      while (!(step = ranking.next()).done) yield 0;  // ranked in steps (a million values at once froze the page)
      var ranked = step.value;
      var position = 0, seen = 0;
      state.order = ["A", "B", "C"];
      yield* stream(table, ["share", "cumulative", "class", "rank"], function () {
        var at = seen++;
        if (problems.has(at)) throw problems.get(at);
        var j = position++, cumulative = ranked.cumulative[j], label = PB.abc.classOf(cumulative, t[0], t[1]);
        return [[PB.py.floatRepr(PB.py.round(values[j] / ranked.total * 100, 4)), PB.py.floatRepr(PB.py.round(cumulative, 4)),
          label, String(ranked.rank[j])], label];
      }, state);
    },

    // RFM: a first pass adds up the orders, the second writes each order's customer scores (from the
    // columns of PB.rfm.Totals, a number per customer, never an object)
    rfm: function* (table, o, data, state) {
      var c = findColumns(table, pick(["customer", "date", "amount"]));
      var names = [table.header[c.customer], table.header[c.date], table.header[c.amount]];
      var order = function (cells) {
        var customer = PB.py.strip(cells[c.customer] === null ? "" : cellText(cells[c.customer]));
        if (!customer) PB.fail("empty-customer", { name: names[0] }, names[0] + " is empty; expected a customer name or id");
        return [customer, PB.cells.parseDate(cells[c.date], names[1], o.date_format), PB.number(cells[c.amount], names[2], { minimum: 0 })];
      };
      var totals = new PB.rfm.Totals(), k = 0;
      for (var r of table.rows()) {
        if (++k % SLICE === 0) yield 0;
        if (r[2] !== null) continue;
        try { totals.add.apply(totals, order(r[1])); } catch (error) { if (!(error instanceof PB.InputError)) throw error; }
      }
      var result = totals.columns(o.analysis_date || null, null, data, o.thresholds || null, o.ties), titles = {};
      data.settings.rfm.segments.forEach(function (s) { titles[s.key] = s.title[state.lang]; });
      state.order = data.settings.rfm.segments.map(function (s) { return titles[s.key]; });
      state.breaks = result.breaks;
      yield* stream(table, ["recency", "frequency", "monetary", "r", "f", "m", "segment"], function (cells) {
        var j = totals.index.get(order(cells)[0]), segment = titles[result.rules[result.segment[j]].key];
        return [[String(result.recency[j]), String(totals.count[j]), PB.py.floatRepr(PB.py.round(totals.amount[j], 2)),
          String(result.r[j]), String(result.f[j]), String(result.m[j]), segment], segment];
      }, state);
    },

    // Pipeline: each deal's stage probability and weighted amount
    pipeline: function* (table, o, data, state) {
      var c = findColumns(table, pick(["amount", "stage", "salesperson", "region"]), ["salesperson", "region"]);
      var rollup = new PB.pipeline.Rollup(new PB.pipeline.Stages(probabilities(o.stages, data), data)), titles = {};
      data.settings.pipeline.stages.forEach(function (s) { titles[s.key] = s.title[state.lang]; });
      state.order = data.settings.pipeline.stages.map(function (s) { return titles[s.key]; });
      yield* stream(table, ["probability", "weighted"], function (cells) {
        var amount = PB.number(cells[c.amount], table.header[c.amount], { minimum: 0 });
        var stage = rollup.stages.key(cells[c.stage], table.header[c.stage]);
        var who = c.salesperson === undefined ? "" : String(cells[c.salesperson] || "");
        var where = c.region === undefined ? "" : String(cells[c.region] || "");
        var weighted = rollup.add(amount, stage, who, where);
        return [[PB.py.floatRepr(rollup.stages.probability.get(stage)), PB.py.floatRepr(PB.py.round(weighted, 2))], titles[stage] || stage];
      }, state);
      state.total = rollup.total;
    },

    // NPS, CSAT and CES: one answer per row, its category beside it (CES: none)
    answers: function* (table, o, data, state) {
      var i = findColumns(table, pick(["answer"])).answer, name = table.header[i], metric = o.metric;
      var scale = PB.survey.scaleOf(metric, data, o.scale, o.satisfied_from), values = [];
      var word = function (key) { return data.words[key] ? data.words[key][state.lang] : key; };
      state.order = metric === "nps" ? ["promoter", "passive", "detractor"].map(word) : (metric === "csat" ? ["satisfied", "not satisfied"].map(word) : null);
      yield* stream(table, metric === "ces" ? [] : ["category"], function (cells) {
        var value = PB.survey.answer(cells[i], name, scale[0], scale[1]);
        values.push(value);
        var label = word(PB.survey.category(metric, value, scale[2]));
        return [metric === "ces" ? [] : [label], label];
      }, state);
      if (values.length) state.result = PB.survey.metrics[metric][0]({ answers: values, scale: scale[1], satisfied_from: scale[2] }, data);
    }
  };

  // runners._probabilities: pipeline.yml's stages, then each "NAME=P" of the page's option
  function probabilities(given, data) {
    if (!given || !given.length) return null;
    var out = {};
    data.settings.pipeline.stages.forEach(function (s) { out[s.key] = s.probability; });
    given.forEach(function (pair) { out[pair[0]] = pair[1]; });
    return out;
  }

  // The whole job: records → state {header, out (CSV lines), read, scored, failed, failures, labels, order}.
  // `source` gives [line, cells] records (PB.csv.textSource, or the rows of an xlsx sheet)
  function* scoreRecords(source, name, options, data) {
    var table = new PB.csv.Table(source, name, options.header_row), state = {};
    var kind = options.kind.indexOf("score:") === 0 ? "score" : (["nps", "csat", "ces"].indexOf(options.kind) >= 0 ? "answers" : options.kind);
    var o = Object.assign({ scorecard: options.kind.slice(6), metric: options.kind }, options);
    state.lang = options.lang || PB.cells.languageOf(table.header);
    state.messages = data.messages;
    state.words = data.words;
    state.headerLine = table.headerLine;
    state.duplicates = table.duplicates;
    yield* RUNNERS[kind](table, o, data, state);
    return state;
  }

  // A CSV file's job (a File in a Worker, an ArrayBuffer on the page): read a range at a time; yields
  // progress {rows, share of the reading done}, returns the result
  function* scoreCsv(file, job) {
    var bytes = new PB.csv.Bytes(file), encoding = PB.csv.encodingOf(bytes);
    return yield* scored(PB.csv.fileSource(bytes, encoding), job, encoding.toUpperCase(), bytes);
  }

  // An .xlsx job, on the workbook ExcelJS has read (no share: the workbook is read whole)
  function* scoreXlsx(book, job) {
    return yield* scored(PB.xlsx.source(book, job.options.sheet), job, "xlsx", null);
  }

  function* scored(source, job, encoding, bytes) {
    var work = scoreRecords(source, job.name, job.options, job.data), whole = bytes ? bytes.size * passes(job.options) : 0;
    for (var step = work.next(); !step.done; step = work.next()) {
      yield { rows: step.value, share: whole ? Math.min(1, bytes.read / whole) : null };
    }
    return result(step.value, encoding);
  }

  // How many times a kind reads the file (ABC and RFM add up every row before writing any)
  function passes(options) {
    return ["abc", "rfm"].indexOf(options.kind) >= 0 ? 2 : 1;
  }

  // What the page shows and saves of a finished job (the worker posts it as it is; the Blob by reference)
  function result(state, encoding) {
    return { blob: state.out.blob(), read: state.read, scored: state.scored, failed: state.failed, failures: state.failures,
      notes: OUT.notes(state), labels: Array.from(state.labels.entries()), order: state.order, encoding: encoding };
  }

  PB.files = { scoreCsv: scoreCsv, scoreXlsx: scoreXlsx, findColumns: findColumns };
})(typeof self !== "undefined" ? self : globalThis);
