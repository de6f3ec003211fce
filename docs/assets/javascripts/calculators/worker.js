/* The Web Worker that scores a whole file off the page's thread: it loads the same scripts the page
   does, reads the bytes (CSV text, or an .xlsx workbook through ExcelJS, loaded only then), runs
   PB.files.scoreRecords and posts progress, then the result. */
/* global importScripts */
importScripts("core.js", "cells.js", "scorecard.js", "abc.js", "rfm.js", "survey.js", "pipeline.js", "csv.js", "xlsx.js",
  "filescore.js");

self.onmessage = function (event) {
  "use strict";
  var PB = self.PlaybookCalc, job = event.data;
  var fail = function (error) {
    self.postMessage({ failed: { message: error.message, code: error.code || "other", params: error.params || {} } });
  };
  var score = function (source, encoding) {
    try {
      var work = PB.files.scoreRecords(source, job.name, job.options, job.data), step = work.next();
      while (!step.done) {
        self.postMessage({ progress: step.value });
        step = work.next();
      }
      self.postMessage({ done: PB.files.result(step.value, encoding) });
    } catch (error) {
      fail(error);
    }
  };
  if (PB.xlsx.isXlsx(job.name)) {
    self.postMessage({ progress: 0 });  // alive: reading a workbook can take longer than the page waits
    try { importScripts("../vendor/exceljs.min.js"); } catch (error) { return fail(error); }
    PB.xlsx.read(job.bytes).then(function (book) { score(PB.xlsx.source(book, job.options.sheet), "xlsx"); }, fail);
    return;
  }
  var decoded = PB.csv.decode(new Uint8Array(job.bytes));
  score(PB.csv.textSource(decoded.text), decoded.encoding);
};
