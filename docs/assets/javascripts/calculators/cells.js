/* Cells of a customer file as people fill them in, mirroring calculators/cells.py: dates in every common
   form, total rows, the header below a title, cells made safe to open in a spreadsheet (OWASP), and the
   file run's sentences in the user's language from calculators/messages.py (given as data.messages). */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var TIME = "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$";
  var YMD = new RegExp("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?" + TIME);
  var DMY = new RegExp("^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})" + TIME);
  var SERIAL = /^\d{5}(?:\.\d+)?$/;
  var SERIALS = [21916, 73050];  // Excel day numbers read as dates: 1960-01-01 to 2099-12-31
  var EPOCH = -25569;            // 1899-12-30 in days since 1970-01-01
  var DAY = 86400000;

  function dayOf(y, m, d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return null;
    var date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? Math.round(date.getTime() / DAY) : null;
  }

  function iso(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  // Days of the texts parsed so far: a file's dates repeat (a year of orders holds some 365 of them), so each
  // text is parsed once. Emptied when it grows past DAYS_KEPT, so a file of all-different dates costs no memory
  var days = new Map(), DAYS_KEPT = 4096;

  // cells.parse_date: a day number (days since 1970) from a Date, an Excel day number or text
  function parseDate(value, name, dateFormat) {
    if (value instanceof Date) return Math.floor(value.getTime() / DAY);
    var key = typeof value === "string" ? (dateFormat || "") + "|" + value : null;
    if (key !== null && days.has(key)) return days.get(key);
    var day = dayFrom(value, name, dateFormat);
    if (key !== null) {
      if (days.size >= DAYS_KEPT) days.clear();
      days.set(key, day);
    }
    return day;
  }

  function dayFrom(value, name, dateFormat) {
    var text = value === null || value === undefined ? "" : PB.py.strip(String(value));
    var said = function () { return { field: "date", value: value, name: name, shown: '"' + value + '"' }; };
    if (!text) PB.fail("empty-date", said(), name + " empty; expected a date such as 2024-03-05, 2024/3/5 or 2024年3月5日");
    var day = null, m;
    if (typeof value === "number" || SERIAL.test(text)) {
      var n = Number(text);
      if (n >= SERIALS[0] && n < SERIALS[1] + 1) day = EPOCH + Math.floor(n);
    } else if ((m = YMD.exec(text))) {
      day = dayOf(+m[1], +m[2], +m[3]);
    } else if ((m = DMY.exec(text))) {
      var first = +m[1], second = +m[2];
      var order = dateFormat || (first > 12 ? "dmy" : (second > 12 || first === second ? "mdy" : null));
      if (!order) {
        PB.fail("ambiguous-date", said(), name + ' "' + value + '"' +
          " could be day/month or month/day; expected --date-format dmy or mdy");
      }
      day = order === "dmy" ? dayOf(+m[3], second, first) : dayOf(+m[3], first, second);
    }
    if (day === null) {
      PB.fail("not-date", said(), name + ' "' + value + '"' +
        " is not a date; expected a date such as 2024-03-05, 2024/3/5 or 2024年3月5日");
    }
    return day;
  }

  var TOTALS = ["合计", "总计", "小计", "总合计", "共计", "total", "subtotal", "grandtotal", "totals"];

  // A label's first letter, in any case (cells._MAYBE_TOTAL): a cell without one is no label, and one test for
  // it costs a fraction of spelling every cell out
  var MAYBE_TOTAL = new RegExp("[" + Array.from(new Set(TOTALS.map(function (label) { return label[0]; }))).join("") + "]", "i");

  function isTotalRow(cells) {
    return cells.some(function (c) {
      return typeof c === "string" && MAYBE_TOTAL.test(c) &&
        TOTALS.indexOf(c.replace(/\s+/g, "").replace(/[:：]+$/, "").toLowerCase()) >= 0;
    });
  }

  // cells.header_position: the first row of two or more cells below a one-cell title, else the first
  function headerPosition(rows) {
    var counts = rows.map(function (cells) {
      return cells.filter(function (c) { return c !== null && c !== undefined && PB.py.strip(String(c)) !== ""; }).length;
    });
    if (counts.length && counts[0] === 1) {
      var k = counts.findIndex(function (n) { return n >= 2; });
      return k < 0 ? 0 : k;
    }
    return 0;
  }

  var RISKY = "=+-@\t\r";
  var NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$|^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$/;

  // cells.safe_cell: a text that could run as a formula gets a leading ' (OWASP); numbers stay
  function safeCell(value) {
    if (typeof value === "string" && value && RISKY.indexOf(value[0]) >= 0 && !NUMERIC.test(value)) return "'" + value;
    return value;
  }

  // messages.say: the catalogue's sentence in `lang`, placeholders filled
  function say(messages, code, lang, params) {
    return messages[code][lang].replace(/\{(\w+)\}/g, function (whole, key) {
      return params[key] === undefined ? whole : String(params[key]);
    });
  }

  // messages.language_of: 'zh' when a column name holds a Chinese character
  function languageOf(header) {
    return header.some(function (name) { return /[\u4e00-\u9fff]/.test(String(name)); }) ? "zh" : "en";
  }

  // An InputError in the file's language: the catalogue's sentence when it has the code, else the English
  function text(error, lang, messages) {
    return lang !== "en" && messages[error.code] ? say(messages, error.code, lang, error.params) : error.message;
  }

  PB.cells = { parseDate: parseDate, iso: iso, isTotalRow: isTotalRow, headerPosition: headerPosition,
    safeCell: safeCell, say: say, languageOf: languageOf, text: text };
})(typeof self !== "undefined" ? self : globalThis);
