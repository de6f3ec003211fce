/* RFM, mirroring calculators/rfm/__init__.py: recency in days from the analysis date (default: the day after the
   last order) to each customer's last order, frequency = orders, monetary = sum; scores 1–5 by the
   20/40/60/80 % quantiles (linear interpolation), equal values score the same, recency reversed;
   segments from playbook_data/calculators/rfm.yml, first match wins; fixed thresholds and the R package
   rfm's ties (`ties: "r-rfm"`, see rfm.py) as options. Dates are whole days since 1970 (cells.js). */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var QUANTILES = [0.2, 0.4, 0.6, 0.8];
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

  // Per-customer last order, count and sum, in order of first appearance (fed row by row). Kept as columns:
  // a Map from the customer to its number and typed arrays indexed by it, so a file of a million orders
  // from 200,000 customers holds no object per customer (as objects they took ~120 MB more in the page)
  function Totals() {
    this.index = new Map();
    this.size = 0;
    this.last = new Int32Array(1024);
    this.count = new Int32Array(1024);
    this.amount = new Float64Array(1024);
  }

  Totals.prototype.add = function (customer, day, amount) {
    var k = this.index.get(customer);
    if (k === undefined) {
      if (this.size === this.last.length) this.grow();
      this.index.set(customer, k = this.size++);
      this.last[k] = day;
    }
    this.last[k] = Math.max(this.last[k], day);
    this.count[k] += 1;
    this.amount[k] += amount;
  };

  Totals.prototype.grow = function () {
    var twice = function (array) {
      var more = new array.constructor(array.length * 2);
      more.set(array);
      return more;
    };
    this.last = twice(this.last);
    this.count = twice(this.count);
    this.amount = twice(this.amount);
  };

  // The scores as columns, customer k at [k]: {analysis_date, analysis_date_source, breaks, recency, r, f, m,
  // segment (the number of its rule in `rules`), rules, segments (customers per segment key)}
  Totals.prototype.columns = function (analysisDate, segments, data, thresholds, ties) {
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
      for (var named of this.index) {
        if (last[named[1]] > day) {
          PB.fail("date-before", { field: "analysis_date" }, "analysis date " + iso(day) + " is before the last order of customer '" +
            named[0] + "' (" + iso(last[named[1]]) + "); expected a date on or after it");
        }
      }
    }
    var recency = new Float64Array(n);
    for (k = 0; k < n; k++) recency[k] = day - last[k];
    var values = { recency: recency, frequency: this.count.subarray(0, n), monetary: this.amount.subarray(0, n) };
    var cuts = {}, plus = ties === "r-rfm" ? 1 : 0;
    DIMENSIONS.forEach(function (d) {
      cuts[d] = fixed[d] || breaks(values[d]).map(function (b) { return b + plus; });
    });
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
    }
    return out;
  };

  // The scores with a record per customer, as the Python reference returns them
  Totals.prototype.score = function (analysisDate, segments, data, thresholds, ties) {
    var c = this.columns(analysisDate, segments, data, thresholds, ties), self = this;
    var customers = Array.from(this.index.keys(), function (customer, k) {
      return { customer: customer, last_order: iso(self.last[k]), recency: c.recency[k], frequency: self.count[k],
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
