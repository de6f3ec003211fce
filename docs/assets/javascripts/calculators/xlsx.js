/* .xlsx files in the browser as calculators/io.py reads them with openpyxl: the first sheet's rows by row
   number, each as wide as the sheet, a merged range's value in its first cell only, formulas as their last
   result, a number formatted as a percentage as the text Excel shows ("22%"), a date cell without a time
   as its ISO date. The workbook is read by ExcelJS (npm exceljs, pinned by package-lock.json and
   shipped in assets/javascripts/vendor/), which gives each cell's number format, as the percentages need;
   the script is loaded only when a user picks an .xlsx file. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var DAY = 86400000;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // A cell's value as openpyxl gives it (null when empty, or a merged range's other cells)
  function value(cell) {
    if (cell.isMerged && cell.master !== cell) return null;
    var v = cell.value;
    if (v === null || v === undefined) return null;
    if (v instanceof Date) {
      var ms = v.getTime();
      if (ms % DAY === 0) return PB.cells.iso(ms / DAY);
      return v.toISOString().slice(0, 10) + " " + pad(v.getUTCHours()) + ":" + pad(v.getUTCMinutes()) + ":" + pad(v.getUTCSeconds());
    }
    if (typeof v === "object") {
      if (v.richText) return v.richText.map(function (part) { return part.text; }).join("");
      if ("result" in v || "formula" in v || "sharedFormula" in v) return v.result === undefined ? null : plain(v.result, cell);
      if ("text" in v) return String(v.text);
      if ("error" in v) return v.error;
      return null;
    }
    return plain(v, cell);
  }

  function plain(v, cell) {
    if (v instanceof Date) return value({ value: v });
    if (typeof v === "number" && String(cell.numFmt || "").indexOf("%") >= 0) return percentText(v);
    return v;
  }

  // cells.percent_text: 0.22 → "22%" (rounded to 10 decimals, as the reference does)
  function percentText(v) {
    var shown = PB.py.round(v * 100, 10);
    return (Number.isInteger(shown) ? String(shown) : PB.py.floatRepr(shown)) + "%";
  }

  // The [line, cells] records of a sheet (by name, else the first), as PB.csv.Table takes them
  function source(book, name) {
    var sheet = name ? book.getWorksheet(name) : book.worksheets[0];
    if (!sheet) {
      PB.fail("no-sheet", {}, "no sheet named '" + name + "'; expected one of: " +
        book.worksheets.map(function (s) { return s.name; }).join(", "));
    }
    var width = sheet.columnCount, last = sheet.rowCount;
    return function* () {
      for (var n = 1; n <= last; n++) {
        var row = sheet.getRow(n), cells = [];
        for (var k = 1; k <= width; k++) cells.push(value(row.getCell(k)));
        yield [n, cells];
      }
    };
  }

  // The workbook of `bytes`, read by ExcelJS (a promise)
  function read(bytes) {
    return new root.ExcelJS.Workbook().xlsx.load(bytes);
  }

  function isXlsx(name) {
    return /\.xlsx$/i.test(name || "");
  }

  PB.xlsx = { read: read, source: source, isXlsx: isXlsx, percentText: percentText };
})(typeof self !== "undefined" ? self : globalThis);
