/* RFM, mirroring calculators/rfm/__init__.py: recency in days from the analysis date (default: the day after the
   last order) to each customer's last order, frequency = orders, monetary = sum; scores 1–5 by the
   20/40/60/80 % quantiles (linear interpolation), equal values score the same, recency reversed;
   segments from playbook_data/calculators/rfm.yml, first match wins; fixed thresholds and the R package
   rfm's ties (`ties: "r-rfm"`, see rfm.py) as options. Dates are whole days since 1970 (cells.js). */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var QUANTILES = [0.2, 0.4, 0.6, 0.8];
  var EACH = 1 << 13;  // customers scored between two yields of columnSteps
  var TIES = ["above", "r-rfm"], DIMENSIONS = ["recency", "frequency", "monetary"];
  var parseDate = function (value, name, dateFormat) { return PB.cells.parseDate(value, name, dateFormat); };
  var iso = function (day) { return PB.cells.iso(day); };

  // The p-quantile of an ascending list, linear interpolation between neighbours
  function quantile(ordered, p) {
    var h = (ordered.length - 1) * p, low = Math.floor(h);
    if (low + 1 >= ordered.length) return ordered[low];
    return ordered[low] + (h - low) * (ordered[low + 1] - ordered[low]);
  }

  // The quantile breaks of a typed array of values (sorted as numbers in a copy)
  function breaks(values) {
    var ordered = Float64Array.from(values).sort();
    return ordered.length ? QUANTILES.map(function (p) { return quantile(ordered, p); }) : [];
  }

  // ties "r-rfm" (the R package rfm): a value reaches a band at its break, not only beyond it
  function band(value, cuts, ties) {
    var score = 1;
    for (var k = 0; k < cuts.length; k++) if (value > cuts[k] || (ties === "r-rfm" && value === cuts[k])) score += 1;
    return score;
  }

  // rfm.fixed_breaks: {dimension: four rising numbers}
  function fixedBreaks(thresholds) {
    if (thresholds === undefined || thresholds === null) return {};
    var keys = typeof thresholds === "object" ? Object.keys(thresholds) : null;
    if (!keys || keys.some(function (k) { return DIMENSIONS.indexOf(k) < 0; })) {
      PB.fail("thresholds", { field: "thresholds" }, "thresholds: expected a mapping of " + DIMENSIONS.join(", ") + " to four rising numbers");
    }
    var cuts = {};
    keys.forEach(function (k) {
      var v = PB.numberList(thresholds[k], "thresholds " + k);
      if (v.length !== 4 || v.some(function (b, i) { return i && b < v[i - 1]; })) {
        PB.fail("thresholds", { field: "thresholds" }, "thresholds " + k + ": expected four rising numbers such as 30,60,90,180");
      }
      cuts[k] = v;
    });
    return cuts;
  }

  function matches(segment, r, f, m) {
    return [[segment.r, r], [segment.f, f], [segment.m, m]].every(function (pair) {
      return !pair[0] || (pair[0][0] <= pair[1] && pair[1] <= pair[0][1]);
    });
  }

  // Customer names → numbers 0, 1, 2, … in order of first appearance, with no object per name: the names' UTF-16
  // code units one after another in a typed array, found through an open-addressing table of their numbers.
  // Written by hand as no Map or library keeps a string key out of the JS heap: as Map keys, 200,000 names
  // surviving the worker's young collections grew its young generation to the most V8 allows (16 MB more)
  function Names() {
    this.size = 0;
    this.units = new Uint16Array(1 << 16);
    this.start = new Int32Array(1025);  // name k is units[start[k], start[k + 1])
    this.hash = new Int32Array(1024);
    this.slots = new Int32Array(1 << 11);  // k + 1, or 0 for an empty slot
  }

  function hashOf(name) {
    var h = -2128831035;  // FNV-1a over the code units
    for (var i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
    return h;
  }

  function grown(array, size) {
    var more = new array.constructor(Math.max(size, array.length * 2));
    more.set(array);
    return more;
  }

  // The number of `name`, or -1 when it is new and `add` is false
  Names.prototype.number = function (name, add) {
    var h = hashOf(name), mask = this.slots.length - 1, units = this.units, start = this.start;
    for (var i = h & mask; this.slots[i]; i = (i + 1) & mask) {
      var k = this.slots[i] - 1, at = start[k], n = name.length, j = 0;
      if (this.hash[k] !== h || start[k + 1] - at !== n) continue;
      while (j < n && units[at + j] === name.charCodeAt(j)) j++;
      if (j === n) return k;
    }
    if (!add) return -1;
    k = this.size++;
    if (k === this.hash.length) { this.hash = grown(this.hash, 0); this.start = grown(this.start, 0); }
    at = start[k];
    if (at + name.length > units.length) this.units = units = grown(units, at + name.length);
    for (j = 0; j < name.length; j++) units[at + j] = name.charCodeAt(j);
    this.start[k + 1] = at + name.length;
    this.hash[k] = h;
    this.slots[i] = k + 1;
    if (2 * this.size > this.slots.length) this.rehash();
    return k;
  };

  Names.prototype.rehash = function () {
    var slots = new Int32Array(this.slots.length * 2), mask = slots.length - 1;
    for (var k = 0; k < this.size; k++) {
      var i = this.hash[k] & mask;
      while (slots[i]) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    this.slots = slots;
  };

  Names.prototype.name = function (k) {
    var out = "";
    for (var at = this.start[k]; at < this.start[k + 1]; at += 4096) {
      out += String.fromCharCode.apply(null, this.units.subarray(at, Math.min(at + 4096, this.start[k + 1])));
    }
    return out;
  };

  // Per-customer last order, count and sum, in order of first appearance (fed row by row). Kept as columns:
  // customer numbers (Names) and typed arrays indexed by them, so a file of a million orders from 200,000
  // customers holds no object per customer (as objects they took ~120 MB more in the page)
  function Totals() {
    this.names = new Names();
    this.size = 0;
    this.last = new Int32Array(1024);
    this.count = new Int32Array(1024);
    this.amount = new Float64Array(1024);
  }

  Totals.prototype.add = function (customer, day, amount) {
    var k = this.names.number(customer, true);
    if (k === this.size) {
      if (this.size === this.last.length) this.grow();
      this.size++;
      this.last[k] = day;
    }
    this.last[k] = Math.max(this.last[k], day);
    this.count[k] += 1;
    this.amount[k] += amount;
  };

  Totals.prototype.grow = function () {
    this.last = grown(this.last, 0);
    this.count = grown(this.count, 0);
    this.amount = grown(this.amount, 0);
  };

  // The scores as columns, customer k at [k]: {analysis_date, analysis_date_source, breaks, recency, r, f, m,
  // segment (the number of its rule in `rules`), rules, segments (customers per segment key)}. A generator that
  // yields after each quantile sort and every EACH customers, for the page's own thread to pause (200,000
  // customers at once kept it busy for 130 ms); `columns` runs it through
  Totals.prototype.columnSteps = function* (analysisDate, segments, data, thresholds, ties) {
    var rules = segmentRules(segments, data), n = this.size, fixed = fixedBreaks(thresholds), last = this.last.subarray(0, n);
    ties = ties || "above";
    if (TIES.indexOf(ties) < 0) PB.fail("ties", { field: "ties" }, "ties " + PB.py.repr(ties) + " is unknown; expected one of: " + TIES.join(", "));
    var day = null, source, k;
    if (analysisDate === undefined || analysisDate === null) {
      // a loop, not Math.max.apply: a spread of ~125,000 values or more overflows the stack
      if (n) day = last.reduce(function (most, d) { return Math.max(most, d); }, -Infinity) + 1;
      source = "day after the last order";
    } else {
      day = parseDate(analysisDate, "analysis date");
      source = "given";
      for (k = 0; k < n; k++) {
        if (last[k] > day) {
          PB.fail("date-before", { field: "analysis_date" }, "analysis date " + iso(day) + " is before the last order of customer '" +
            this.names.name(k) + "' (" + iso(last[k]) + "); expected a date on or after it");
        }
      }
    }
    var recency = new Float64Array(n);
    for (k = 0; k < n; k++) recency[k] = day - last[k];
    var values = { recency: recency, frequency: this.count.subarray(0, n), monetary: this.amount.subarray(0, n) };
    var cuts = {}, plus = ties === "r-rfm" ? 1 : 0;
    for (var d of DIMENSIONS) {
      cuts[d] = fixed[d] || breaks(values[d]).map(function (b) { return b + plus; });
      yield;
    }
    var out = { analysis_date: day === null ? null : iso(day), analysis_date_source: source, breaks: cuts, recency: recency,
      r: new Uint8Array(n), f: new Uint8Array(n), m: new Uint8Array(n), segment: new Uint16Array(n), rules: rules, segments: {} };
    rules.forEach(function (s) { out.segments[s.key] = 0; });
    for (k = 0; k < n; k++) {
      var r = 6 - band(recency[k], cuts.recency, ties), f = band(values.frequency[k], cuts.frequency, ties);
      var m = band(values.monetary[k], cuts.monetary, ties), s = 0;
      while (!matches(rules[s], r, f, m)) s += 1;  // the last rule catches every customer
      out.r[k] = r;
      out.f[k] = f;
      out.m[k] = m;
      out.segment[k] = s;
      out.segments[rules[s].key] += 1;
      if (k % EACH === 0) yield;
    }
    return out;
  };

  Totals.prototype.columns = function (analysisDate, segments, data, thresholds, ties) {
    return PB.finish(this.columnSteps(analysisDate, segments, data, thresholds, ties));
  };

  // The scores with a record per customer, as the Python reference returns them
  Totals.prototype.score = function (analysisDate, segments, data, thresholds, ties) {
    var c = this.columns(analysisDate, segments, data, thresholds, ties), self = this;
    var customers = Array.from({ length: this.size }, function (_, k) {
      return { customer: self.names.name(k), last_order: iso(self.last[k]), recency: c.recency[k], frequency: self.count[k],
        monetary: self.amount[k], r: c.r[k], f: c.f[k], m: c.m[k], segment: c.rules[c.segment[k]].key };
    });
    return { analysis_date: c.analysis_date, analysis_date_source: c.analysis_date_source, breaks: c.breaks,
      customers: customers, segments: c.segments };
  };

  function segmentRules(given, data) {
    if (given === undefined || given === null) return data.settings.rfm.segments;
    var last = Array.isArray(given) && given.length ? given[given.length - 1] : null;
    if (!last || last.r || last.f || last.m) {
      PB.fail("segments", { field: "segments" }, "segments: expected a last segment without r, f or m that catches every customer");
    }
    return given;
  }

  // Python's str() of a cell: None → "None", numbers without a needless ".0" mark
  function text(value) {
    if (value === undefined) return "";
    if (value === null) return "None";
    if (typeof value === "boolean") return value ? "True" : "False";
    return typeof value === "number" && !Number.isInteger(value) ? PB.py.floatRepr(value) : String(value);
  }

  // RFM of a list of orders {customer, date, amount}
  function analyse(args, data) {
    if (!Array.isArray(args.orders)) {
      PB.fail("not-list", { field: "orders" }, "orders is not a list; expected a list of {customer, date, amount}");
    }
    var totals = new Totals();
    args.orders.forEach(function (order, k) {
      var i = k + 1, customer = PB.py.strip(text(order.customer));
      if (!customer) PB.fail("empty", { field: "customer", row: i }, "order " + i + ": customer is empty; expected a customer name or id");
      totals.add(customer, parseDate(order.date, "order " + i + ": date"),
        PB.number(order.amount, "order " + i + ": amount", { minimum: 0, field: "amount" }));
    });
    return totals.score(args.analysis_date, args.segments, data, args.thresholds, args.ties);
  }

  // Registry entry: {"orders": [...], "analysis_date": "2024-06-30", "segments": [...]}
  PB.calculators.rfm = function (inputs, data) {
    return PB.call(function (args) { return analyse(args, data); },
      ["orders", "analysis_date", "segments", "thresholds", "ties"], ["orders"], inputs, "rfm");
  };

  PB.rfm = { Totals: Totals, parseDate: parseDate, iso: iso, quantile: quantile, DIMENSIONS: DIMENSIONS };
})(typeof self !== "undefined" ? self : globalThis);
