/* The shared core of the browser calculators: checked numbers, exactly as calculators/errors.py checks
   them, and Python's way of printing numbers, so messages and CSV cells match the command line.
   A plain script (no module) so it also loads from file:// and inside a Web Worker (importScripts). */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc = root.PlaybookCalc || {};
  PB.calculators = PB.calculators || {};

  // An input the calculator cannot use: `message` is the Python reference's English sentence, `code`
  // and `params` let the page say it in its own language next to the field named `params.field`
  function InputError(code, params, message) {
    this.name = "InputError";
    this.code = code;
    this.params = params || {};
    this.message = message;
  }
  InputError.prototype = Object.create(Error.prototype);
  InputError.prototype.constructor = InputError;

  function fail(code, params, message) {
    throw new InputError(code, params, message);
  }

  // Python's repr of a float: shortest digits, exponent below 1e-4 or from 1e16, always a dot or exponent
  function floatRepr(x) {
    if (x !== x) return "nan";
    if (!isFinite(x)) return x > 0 ? "inf" : "-inf";
    if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
    var size = Math.abs(x);
    if (size >= 1e-4 && size < 1e16) return Number.isInteger(x) ? x + ".0" : String(x);  // same shortest digits
    var parts = x.toExponential().split("e");
    var digits = parts[0].replace("-", "").replace(".", "");
    var exp = parseInt(parts[1], 10);
    var sign = x < 0 ? "-" : "";
    if (exp < -4 || exp >= 16) {
      var mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
    if (digits.length <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length) + ".0";
    return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  }

  // Python's format(x, "g"): six significant digits, trailing zeros dropped
  function formatG(x) {
    if (!isFinite(x)) return floatRepr(x);
    if (x === 0) return 1 / x < 0 ? "-0" : "0";
    var exp = parseInt(x.toExponential(5).split("e")[1], 10);
    if (exp < -4 || exp >= 6) {
      var parts = x.toExponential(5).split("e");
      var mant = parts[0].replace(/\.?0+$/, "");
      var e = parseInt(parts[1], 10);
      return mant + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
    }
    return x.toFixed(Math.max(0, 5 - exp)).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }

  // Python's round(x, digits): correctly rounded, an exact tie to the even digit
  function round(x, digits) {
    if (!isFinite(x) || x === 0 || Math.abs(x) >= 1e21) return x;
    var up = x.toFixed(digits), scaled = Math.abs(x) * Math.pow(10, digits);
    if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6 * Math.max(1, scaled)) return Number(up);
    var exact = x.toFixed(Math.min(100, digits + 25));
    var tail = exact.slice(exact.indexOf(".") + digits + 1);
    if (!/^50*$/.test(tail)) return Number(up);
    var down = exact.slice(0, exact.indexOf(".") + (digits ? digits + 1 : 0));
    return Number(parseInt(down.slice(-1), 10) % 2 === 0 ? down : up);
  }

  // errors._fmt: an integral number without ".0", else Python's str
  function fmt(x) {
    return Number.isInteger(x) ? String(x) : floatRepr(x);
  }

  // errors._show: text in double quotes, numbers as _fmt
  function show(value) {
    return typeof value === "string" ? '"' + value + '"' : fmt(value);
  }

  // Python's repr of a str: single quotes unless the text holds one and no double quote
  function repr(value) {
    if (typeof value !== "string") return fmt(value);
    var quote = value.indexOf("'") >= 0 && value.indexOf('"') < 0 ? '"' : "'";
    var body = value.replace(/\\/g, "\\\\").replace(new RegExp(quote, "g"), "\\" + quote);
    return quote + body.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") + quote;
  }

  // What Python's float() accepts (the reference refuses underscores): a sign, digits, a dot, an exponent
  var FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
  var PLACES_PLAIN = /^-?\d+(?:\.\d+)?$/;
  var NOT_NUMBER = " is not a number; expected a number such as 1,234.50, ¥800, 86万, 1.2万元, (1,234.50) or 12%";
  var SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;
  var SPACE = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g;

  function strip(text) {
    return text.replace(SPACE, "");
  }

  // errors.read_text_number: numbers as people write them (full-width marks, ¥ $ RMB CNY 元, 万 亿, %,
  // accounting negatives); the decimal point is moved in the text, so 1.2万 is exactly 12000
  var FULL = "０１２３４５６７８９，．％（）－＋　￥", HALF = "0123456789,.%()-+ ¥";
  var WRITTEN = /^([+-]?)\s*([¥$]|RMB|CNY)?\s*([+-]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)\s*([万亿])?\s*(元|RMB|CNY|%)?$/i;
  var PLACES = { "万": 4, "亿": 8 };

  function shift(digits, places) {
    var dot = digits.indexOf("."), whole = dot < 0 ? digits : digits.slice(0, dot), frac = dot < 0 ? "" : digits.slice(dot + 1);
    if (places >= 0) {
      while (frac.length < places) frac += "0";
      return (whole || "0") + frac.slice(0, places) + "." + frac.slice(places);
    }
    while (whole.length < 1 - places) whole = "0" + whole;
    return whole.slice(0, places) + "." + whole.slice(places) + frac;
  }

  function readWritten(value, percent) {
    var text = strip(value.replace(/[\uff10-\uff19，．％（）－＋　￥]/g, function (c) { return HALF[FULL.indexOf(c)]; }));
    var negative = text[0] === "(" && text[text.length - 1] === ")";
    var m = WRITTEN.exec(negative ? strip(text.slice(1, -1)) : text);
    if (!m || (m[1] && m[3]) || (negative && (m[1] || m[3]))) return null;
    var tail = (m[6] || "").toUpperCase();
    if (tail === "%" && (m[2] || m[5])) return null;
    var places = (PLACES[m[5]] || 0) + (percent || tail !== "%" ? 0 : -2);
    var result = Number(shift(m[4].replace(/,/g, ""), places));
    return negative || (m[1] + m[3]).indexOf("-") >= 0 ? -result : result;
  }

  // An input error's parameters, built only when it fails: a file of a million cells asks for none of them
  function said(value, name, field, row) {
    var params = { field: field, value: value, row: row, name: name };
    if (value !== null && value !== undefined && typeof value !== "boolean") params.shown = show(value);
    return params;
  }

  // errors._parse: a finite number from a number or a text as people write it
  function parse(value, name, field, row, percent) {
    if (value === null || value === undefined) fail("empty", said(value, name, field, row), name + " is empty; expected a number");
    if (typeof value === "boolean") fail("yes-no", said(value, name, field, row), name + " is a yes/no value; expected a number");
    var result;
    if (typeof value === "number") result = value;
    else if (PLACES_PLAIN.test(value)) result = +value;
    else {
      var text = strip(String(value));
      if (!text) fail("empty", said(value, name, field, row), name + " is empty; expected a number");
      if (SPECIAL.test(text)) result = /n$/i.test(text) ? NaN : Infinity * (text[0] === "-" ? -1 : 1);
      else result = readWritten(text, percent);
      if (result === null && FLOAT.test(text)) result = Number(text);
      if (result === null) fail("not-number", said(value, name, field, row), name + " " + show(value) + NOT_NUMBER);
    }
    if (result !== result) fail("not-number", said(value, name, field, row), name + " " + show(value) + NOT_NUMBER);
    if (!isFinite(result)) fail("not-finite", said(value, name, field, row), name + " " + show(value) + " is infinite; expected a finite number");
    return result;
  }

  // errors.number: bounds checked when given; `opts.field` names the input for the page
  function number(value, name, opts) {
    opts = opts || {};
    var result = parse(value, name, opts.field, opts.row, opts.percent), params;
    if (opts.whole && result !== Math.trunc(result)) {
      fail("not-whole", said(value, name, opts.field, opts.row), name + " " + show(value) + " is not a whole number");
    }
    if (opts.minimum !== undefined && opts.minimum !== null && result < opts.minimum) {
      params = said(value, name, opts.field, opts.row);
      params.min = fmt(opts.minimum);
      var what = opts.minimum === 0 ? "negative" : "below " + fmt(opts.minimum);
      fail(opts.minimum === 0 ? "negative" : "below", params,
        name + " " + show(value) + " is " + what + "; expected at least " + fmt(opts.minimum));
    }
    if (opts.below !== undefined && result >= opts.below) {
      params = said(value, name, opts.field, opts.row);
      params.max = fmt(opts.below);
      fail("not-below", params, name + " " + show(value) + " must be below " + fmt(opts.below));
    }
    return opts.whole ? Math.trunc(result) : result;
  }

  // errors.rate: a fraction from 0 to 1
  function rate(value, name, field) {
    var result = number(value, name, { minimum: 0, field: field });
    if (result > 1) {
      fail("above-one", { field: field, value: value, name: name, shown: show(value) },
        name + " " + show(value) + " is above 1; expected a fraction such as 0.8 for 80%");
    }
    return result;
  }

  function numberList(values, name, opts) {
    if (!Array.isArray(values)) fail("not-list", { field: opts && opts.field }, name + " is not a list; expected a list of numbers");
    return values.map(function (v, i) { return number(v, name + "[" + (i + 1) + "]", opts); });
  }

  // errors.call: the inputs a form takes, saying which one is unknown or missing
  function call(fn, names, required, inputs, what, openEnded) {
    var keys = Object.keys(inputs);
    var unknown = keys.filter(function (k) { return names.indexOf(k) < 0; });
    if (unknown.length && !openEnded) {
      fail("unknown-input", { field: unknown[0] },
        what + ": unknown input '" + unknown[0] + "'; expected some of: " + names.join(", "));
    }
    var missing = required.filter(function (k) { return !(k in inputs); });
    if (missing.length) fail("empty", { field: missing[0] }, what + ": input '" + missing[0] + "' is missing");
    return fn(inputs);
  }

  // The registry: run(name, inputs, data) where `data` holds the YAML the Python reads (scorecards, settings)
  function run(name, inputs, data) {
    var calc = PB.calculators[name];
    if (!calc) fail("unknown", {}, "unknown calculator '" + name + "'; expected one of: " + Object.keys(PB.calculators).join(", "));
    if (!inputs || typeof inputs !== "object" || Array.isArray(inputs)) {
      fail("unknown", {}, name + ": the inputs are not a mapping; expected {name: value}");
    }
    return calc(inputs, data || PB.data || {});
  }

  // A generator of steps (the file page pauses between them) run through at once: what it returns
  function finish(steps) {
    var step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  PB.InputError = InputError;
  PB.fail = fail;
  PB.py = { round: round, floatRepr: floatRepr, formatG: formatG, fmt: fmt, show: show, repr: repr, strip: strip };
  PB.number = number;
  PB.rate = rate;
  PB.numberList = numberList;
  PB.call = call;
  PB.run = run;
  PB.finish = finish;
})(typeof self !== "undefined" ? self : globalThis);
