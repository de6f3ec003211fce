/* The Web Worker that scores a whole file off the page's thread: it loads the same scripts the page
   does, decodes the bytes, runs PB.files.scoreText and posts progress, then the result. */
/* global importScripts */
importScripts("core.js", "cells.js", "scorecard.js", "abc.js", "rfm.js", "survey.js", "pipeline.js", "csv.js", "filescore.js");

self.onmessage = function (event) {
  "use strict";
  var PB = self.PlaybookCalc, job = event.data;
  try {
    var decoded = PB.csv.decode(new Uint8Array(job.bytes));
    var work = PB.files.scoreText(decoded.text, job.name, job.options, job.data), step = work.next();
    while (!step.done) {
      self.postMessage({ progress: step.value });
      step = work.next();
    }
    self.postMessage({ done: PB.files.result(step.value, decoded.encoding) });
  } catch (error) {
    self.postMessage({ failed: { message: error.message, code: error.code || "other", params: error.params || {} } });
  }
};
