/* The course composer's problems as the checker words them, shared by the page and the tests (Node), loaded
   before composer-check.js: a list of problems, each with its path, and values named as
   playbook/core/problems.py does. */
(function (root) {
  "use strict";

  // Python's repr of a string, as the checker shows a value (single quotes unless the text holds one)
  function repr(text) {
    var quote = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
    var body = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
    if (quote === "'") body = body.replace(/'/g, "\\'");
    return quote + body + quote;
  }

  function cut(text) {
    return text.length <= 80 ? text : text.slice(0, 79) + "…";
  }

  // playbook/core/problems.py shown(): how a wrong value is named in a message
  function shown(value) {
    if (value === null || value === undefined) return "empty";
    if (typeof value === "boolean") return value + " (a yes/no value)";
    if (typeof value === "number") return "the number " + pyNumber(value);
    if (typeof value === "string") return value.trim() ? cut(repr(value)) : "blank";
    if (Array.isArray(value)) return "a list";
    return "a mapping";
  }

  function pyNumber(value) {
    return Number.isInteger(value) ? String(value) : String(value).replace(/^(-?\d+)$/, "$1.0");
  }

  // sessions[0].blocks[1].minutes
  function dotted(path) {
    return path.reduce(function (out, part) {
      return out + (typeof part === "number" ? "[" + part + "]" : (out ? "." : "") + part);
    }, "");
  }

  function Problems() {
    this.list = [];
  }
  Problems.prototype.add = function (path, code, message, params) {
    this.list.push({ path: path, code: code, message: message, params: params || {} });
  };
  // A field whose value the schema refuses: "<where> is <value>; expected <description>"
  Problems.prototype.field = function (path, value, expected) {
    var said = value === undefined ? " is missing" : Array.isArray(value) && !value.length ? " is empty"
      : " is " + shown(value);
    this.add(path, "field-" + String(path[path.length - 1]).replace("_", "-"), dotted(path) + said + "; expected " + expected, { value: value });
  };

  root.PlaybookComposer.Problems = Problems;
  root.PlaybookComposer.dotted = dotted;
})(typeof window !== "undefined" ? window : globalThis);
