/* What a calculator says when an input cannot be used, in the page's language: the error's code picks a
   sentence from playbook_data/strings.yml (calc-err-*, given to the page by the macro), never the raw
   English of the reference, and never NaN or Infinity. Numbers are shown the way the page's readers write. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // A number for people: thousands grouped, at most two decimals, rounded as the Python reference rounds
  // (PB.py.round: a tie to the even digit, where Intl would round it up); anything not finite is a dash
  function show(x, lang, digits) {
    if (typeof x !== "number" || !isFinite(x)) return "—";
    var places = digits === undefined ? 2 : digits;
    var format = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en", { maximumFractionDigits: places });
    return format.format(PB.py.round(x, places));
  }

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      var value = params[key];
      return value === undefined || value === null ? whole : String(value);
    });
  }

  // The sentence for `error` (a PB.InputError) in the strings of the page
  function message(error, strings) {
    var template = strings["calc-err-" + error.code] || error.message || strings["calc-err-other"];
    var p = error.params || {};
    var text = fill(template, Object.assign({}, p, { value: p.value === undefined ? "" : String(p.value) }));
    if (p.row) text = fill(strings["calc-err-row"] || "{row}: {message}", { row: p.row, message: text });
    return text;
  }

  PB.messages = { show: show, fill: fill, message: message };
})(typeof self !== "undefined" ? self : globalThis);
