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

  function breaks(values) {
    var ordered = values.slice().sort(function (x, y) { return x - y; });
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

  // Per-customer last order, count and sum, in order of first appearance (fed row by row)
  function Totals() {
    this.customers = new Map();
  }

  Totals.prototype.add = function (customer, day, amount) {
    var t = this.customers.get(customer);
    if (!t) this.customers.set(customer, t = { last: day, count: 0, amount: 0.0 });
    t.last = Math.max(t.last, day);
    t.count += 1;
    t.amount += amount;
  };

  Totals.prototype.score = function (analysisDate, segments, data, thresholds, ties) {
    var rules = segmentRules(segments, data), entries = Array.from(this.customers.entries()), fixed = fixedBreaks(thresholds);
    ties = ties || "above";
    if (TIES.indexOf(ties) < 0) PB.fail("ties", { field: "ties" }, "ties " + PB.py.repr(ties) + " is unknown; expected one of: " + TIES.join(", "));
    var day = null, source;
    if (analysisDate === undefined || analysisDate === null) {
      // a loop, not Math.max.apply: a spread of ~125,000 values or more overflows the stack
      if (entries.length) day = entries.reduce(function (most, e) { return Math.max(most, e[1].last); }, -Infinity) + 1;
      source = "day after the last order";
    } else {
      day = parseDate(analysisDate, "analysis date");
      source = "given";
      var late = entries.filter(function (e) { return e[1].last > day; });
      if (late.length) {
        PB.fail("date-before", { field: "analysis_date" }, "analysis date " + iso(day) + " is before the last order of customer '" +
          late[0][0] + "' (" + iso(late[0][1].last) + "); expected a date on or after it");
      }
    }
    var recency = entries.map(function (e) { return day - e[1].last; });
    var values = { recency: recency, frequency: entries.map(function (e) { return e[1].count; }),
      monetary: entries.map(function (e) { return e[1].amount; }) }, cuts = {}, plus = ties === "r-rfm" ? 1 : 0;
    DIMENSIONS.forEach(function (k) {
      cuts[k] = fixed[k] || breaks(values[k]).map(function (b) { return b + plus; });
    });
    var counts = {};
    rules.forEach(function (s) { counts[s.key] = 0; });
    var customers = entries.map(function (e, k) {
      var t = e[1], r = 6 - band(recency[k], cuts.recency, ties), f = band(t.count, cuts.frequency, ties);
      var m = band(t.amount, cuts.monetary, ties);
      var segment = rules.filter(function (s) { return matches(s, r, f, m); })[0].key;
      counts[segment] += 1;
      return { customer: e[0], last_order: iso(t.last), recency: recency[k], frequency: t.count, monetary: t.amount,
        r: r, f: f, m: m, segment: segment };
    });
    return { analysis_date: day === null ? null : iso(day), analysis_date_source: source, breaks: cuts,
      customers: customers, segments: counts };
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
