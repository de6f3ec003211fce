/* The Web Worker that scores a whole file off the page's thread: it loads the same scripts the page
   does, reads the File it is given (CSV a range at a time, or an .xlsx workbook through ExcelJS, loaded
   only then), posts progress, then the result, whose CSV is a Blob. */
/* global importScripts */
// The scripts, in order, are written in by the build: WORKER of playbook/calculators/scripts.py
importScripts(/* WORKER */);

self.onmessage = function (event) {
  "use strict";
  var PB = self.PlaybookCalc, job = event.data;
  var fail = function (error) {
    self.postMessage({ failed: { message: error.message, code: error.code || "other", params: error.params || {} } });
  };
  var run = function (work) {
    try {
      var step = work.next();
      for (var n = 1; !step.done; step = work.next(), n++) if (n % PB.fileOut.POST === 0) self.postMessage({ progress: step.value });
      self.postMessage({ done: step.value });
    } catch (error) {
      fail(error);
    }
  };
  // Alive at once: checking a long file's encoding, or reading a workbook, can take longer than the page waits
  self.postMessage({ progress: { rows: 0, share: PB.xlsx.isXlsx(job.name) ? null : 0 } });
  if (!PB.xlsx.isXlsx(job.name)) return run(PB.files.scoreCsv(job.file, job));
  try { importScripts("../vendor/exceljs.min.js"); } catch (error) { return fail(error); }
  job.file.arrayBuffer().then(PB.xlsx.read).then(function (book) { run(PB.files.scoreXlsx(book, job)); }, fail);
};
