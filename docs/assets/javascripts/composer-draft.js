/* The course composer's draft (composer.js keeps it): what the page writes to localStorage, checked field by
   field before it is trusted, and the course file a draft stands for. Loaded after composer-check.js. */
(function () {
  "use strict";

  var PC = window.PlaybookComposer;

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return params[name] === undefined ? all : String(params[name]);
    });
  }

  // A course is to be reviewed a year after it is written, unless the trainer says otherwise
  function inAYear() {
    var day = new Date();
    day.setFullYear(day.getFullYear() + 1);
    return window.pbStore.day(day);
  }

  function emptyDraft() {
    return { id: "", owner: "trainer", review_by: inAYear(), title: { zh: "", en: "" }, summary: { zh: "", en: "" }, audience: [],
             days: [{ start: "09:00", end: "17:30", blocks: [] }] };
  }

  function isStrings(value) {
    return Array.isArray(value) && value.every(function (item) { return typeof item === "string"; });
  }

  function isPair(value) {
    return value !== null && typeof value === "object" && typeof value.zh === "string" && typeof value.en === "string";
  }

  function isBlock(block) {
    return block !== null && typeof block === "object" && typeof block.kind === "string" &&
      (block.minutes === null || typeof block.minutes === "number") &&
      (block.from === undefined || typeof block.from === "string") &&
      (block.title === undefined || isPair(block.title)) &&
      (block.roleplay === undefined || typeof block.roleplay === "string") &&
      ["modules", "handouts", "questions"].every(function (name) { return block[name] === undefined || isStrings(block[name]); });
  }

  function isDraft(value) {
    return value !== null && typeof value === "object" && typeof value.id === "string" &&
      typeof value.owner === "string" && typeof value.review_by === "string" && isPair(value.title) &&
      isPair(value.summary) && isStrings(value.audience) && Array.isArray(value.days) && value.days.length >= 1 &&
      value.days.length <= 10 && value.days.every(function (day) {
        return day !== null && typeof day === "object" && typeof day.start === "string" && typeof day.end === "string" &&
          Array.isArray(day.blocks) && day.blocks.every(isBlock);
      });
  }

  function load(key) {
    return window.pbStore.load(key, isDraft, emptyDraft);
  }

  // The course file the draft stands for: the data `python -m macros check` reads. `byKey` finds a block's
  // catalogue entry (its sources and topics) by where it came from; `dayTitle` names the days
  function course(draft, byKey, dayTitle) {
    var sources = [], covers = [], total = 0;
    function add(list, values) { values.forEach(function (v) { if (list.indexOf(v) < 0) list.push(v); }); }
    var sessions = draft.days.map(function (day, d) {
      var session = { title: { zh: fill(dayTitle.zh, { n: d + 1 }), en: fill(dayTitle.en, { n: d + 1 }) } };
      if (d > 0) session.start = day.start;
      if (day.end) session.end = day.end;
      session.blocks = day.blocks.map(function (block) {
        var entry = byKey[block.from];
        if (entry) { add(sources, entry.sources); add(covers, entry.covers); }
        if (typeof block.minutes === "number" && Number.isInteger(block.minutes)) total += block.minutes;
        var out = { minutes: block.minutes, kind: block.kind };
        if (block.title) out.title = block.title;
        ["modules", "roleplay", "handouts", "questions"].forEach(function (name) {
          if (block[name] && block[name].length) out[name] = block[name];
        });
        return out;
      });
      return session;
    });
    return { id: draft.id.trim(), owner: draft.owner, review_by: draft.review_by, title: trimmed(draft.title), summary: trimmed(draft.summary), audience: draft.audience,
             start: draft.days[0].start, duration: total, sources: sources, covers: covers, sessions: sessions };
  }

  function trimmed(pair) {
    return { zh: pair.zh.trim(), en: pair.en.trim() };
  }

  PC.fill = fill;
  PC.draft = { empty: emptyDraft, load: load, course: course };
})();
