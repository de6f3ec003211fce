/* RFM, mirroring calculators/rfm.py: recency in days from the analysis date (default: the day after the
   last order) to each customer's last order, frequency = orders, monetary = sum; scores 1–5 by the
   20/40/60/80 % quantiles (linear interpolation), equal values score the same, recency reversed;
   segments from playbook_data/calculators/rfm.yml, first match wins. Dates are whole days since 1970. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var QUANTILES = [0.2, 0.4, 0.6, 0.8];
  var DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
  var DAY = 86400000;

  // A day number from text such as 2024-03-05, 2024/3/5 or 2024.03.05; null when it is no real date
  function dayOf(y, m, d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return null;
    var date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? Math.round(date.getTime() / DAY) : null;
  }

  function parseDate(value, name) {
    var match = value === null || value === undefined ? null : DATE.exec(PB.py.strip(String(value)));
    var day = match ? dayOf(+match[1], +match[2], +match[3]) : null;
    if (day === null) {
      var empty = value === null || value === undefined || !PB.py.strip(String(value));
      PB.fail(empty ? "empty-date" : "not-date", { field: "date", value: value },
        name + " " + (empty ? "empty" : '"' + value + '" is not a date') + "; expected a date such as 2024-03-05");
    }
    return day;
  }

  function iso(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

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

  function band(value, cuts) {
    var score = 1;
    for (var k = 0; k < cuts.length; k++) if (value > cuts[k]) score += 1;
    return score;
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

  Totals.prototype.score = function (analysisDate, segments, data) {
    var rules = segmentRules(segments, data), entries = Array.from(this.customers.entries());
    var day = null, source;
    if (analysisDate === undefined || analysisDate === null) {
      if (entries.length) day = Math.max.apply(null, entries.map(function (e) { return e[1].last; })) + 1;
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
    var cuts = { recency: breaks(recency), frequency: breaks(entries.map(function (e) { return e[1].count; })),
      monetary: breaks(entries.map(function (e) { return e[1].amount; })) };
    var counts = {};
    rules.forEach(function (s) { counts[s.key] = 0; });
    var customers = entries.map(function (e, k) {
      var t = e[1], r = 6 - band(recency[k], cuts.recency), f = band(t.count, cuts.frequency), m = band(t.amount, cuts.monetary);
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
    return totals.score(args.analysis_date, args.segments, data);
  }

  // Registry entry: {"orders": [...], "analysis_date": "2024-06-30", "segments": [...]}
  PB.calculators.rfm = function (inputs, data) {
    return PB.call(function (args) { return analyse(args, data); },
      ["orders", "analysis_date", "segments"], ["orders"], inputs, "rfm");
  };

  PB.rfm = { Totals: Totals, parseDate: parseDate, iso: iso, quantile: quantile };
})(typeof self !== "undefined" ? self : globalThis);
