/* The course composer's course file, shared by the page and the tests (Node), loaded before composer-check.js:
   the clock times of the agenda and the file as YAML, keys in the order the trainers' guide shows. */
(function (root) {
  "use strict";

  var KINDS = ["talk", "discussion", "exercise", "role-play", "quiz", "break"];
  var CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
  var DAY = 24 * 60;

  function isWhole(value) {
    return typeof value === "number" && Number.isInteger(value);
  }

  function toMinutes(time) {
    var parts = time.split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  }

  // 09:30; past midnight the clock starts again, as on the course pages (playbook/courses/plan.py clock)
  function clock(minutes) {
    minutes = ((minutes % DAY) + DAY) % DAY;
    return hours(minutes);
  }

  // 25:30 for a time past midnight, as the checker says it
  function hours(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  // The agenda: per session, each block with its start and end on the clock (as the course pages show it)
  function agenda(course) {
    return (course.sessions || []).map(function (session) {
      var now = CLOCK.test(session.start || course.start || "") ? toMinutes(session.start || course.start) : 0;
      var rows = (session.blocks || []).map(function (block) {
        var minutes = isWhole(block.minutes) && block.minutes > 0 ? block.minutes : 0;
        var row = { block: block, start: clock(now), end: clock(now + minutes), minutes: minutes };
        now += minutes;
        return row;
      });
      return { session: session, rows: rows, minutes: rows.reduce(function (sum, row) { return sum + row.minutes; }, 0) };
    });
  }

  // A value as YAML that PyYAML reads back unchanged: strings in JSON's double quotes (YAML's too, with the
  // characters YAML reads as line breaks or a byte-order mark escaped), lists and {zh: …, en: …} in flow style
  function scalar(value) {
    if (Array.isArray(value)) return "[" + value.map(scalar).join(", ") + "]";
    if (value !== null && typeof value === "object") {
      return "{" + Object.keys(value).map(function (key) { return key + ": " + scalar(value[key]); }).join(", ") + "}";
    }
    return JSON.stringify(value).replace(/[\u0085\u2028\u2029\ufeff]/g, function (c) {
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    });
  }

  var COURSE_KEYS = ["id", "owner", "review_by", "title", "summary", "audience", "prerequisites", "start", "duration", "sources", "covers"];
  var SESSION_KEYS = ["title", "start", "end"];
  var BLOCK_KEYS = ["minutes", "kind", "title", "task", "modules", "topics", "roleplay", "handouts", "questions", "notes"];

  function lines(object, keys, indent) {
    return keys.filter(function (key) { return object[key] !== undefined; })
      .map(function (key) { return indent + key + ": " + scalar(object[key]); });
  }

  // The course as a file for playbook_data/courses/<id>.yml, keys in the order the trainers' guide shows
  function toYaml(course, comment) {
    var out = comment ? ["# " + comment.replace(/[\r\n\u0085\u2028\u2029]+/g, " ")] : [];
    var sessions = course.sessions || [];
    out = out.concat(lines(course, COURSE_KEYS, ""), [sessions.length ? "sessions:" : "sessions: []"]);
    sessions.forEach(function (session) {
      var head = lines(session, SESSION_KEYS, "    ");
      head[0] = "  - " + head[0].slice(4);
      out = out.concat(head, [(session.blocks || []).length ? "    blocks:" : "    blocks: []"]);
      (session.blocks || []).forEach(function (block) {
        var rows = lines(block, BLOCK_KEYS, "        ");
        rows[0] = "      - " + rows[0].slice(8);
        out = out.concat(rows);
      });
    });
    return out.join("\n") + "\n";
  }

  root.PlaybookComposer = { agenda: agenda, toYaml: toYaml, clock: clock, hours: hours, toMinutes: toMinutes, isWhole: isWhole,
    KINDS: KINDS, CLOCK: CLOCK, DAY: DAY };
})(typeof window !== "undefined" ? window : globalThis);
