/* The course composer's pure part, shared by the page (composer.js) and the tests (Node): the agenda's clock
   times, the YAML file, and the checks `python -m macros check` runs on a course file (the schema in
   macros/schema/courses.py, then macros/course_checks.py), each problem with its path inside the file and the
   checker's own English message. tests/vectors/courses/composer.json holds the cases both must pass.
   Checked by hand rather than with a JSON-schema library: the messages must be the checker's, word for word. */
(function (root) {
  "use strict";

  var KINDS = ["talk", "discussion", "exercise", "role-play", "quiz", "break"];
  var USES = ["modules", "topics", "roleplay", "handouts", "questions"];
  var ID = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
  var CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
  var DAY = 24 * 60;
  // The descriptions the schema's fields carry, which the checker quotes after "expected"
  var EXPECTED = {
    id: "an id of lower-case letters, digits, '-' and '.', unique across the data",
    sources: "seed citations such as '002' or '000 §7.1', or 'practice'",
    covers: "topic ids from playbook_data/topics.yml",
    zh: "the Simplified Chinese text", en: "the English text",
    audience: "role ids from playbook_data/roles.yml",
    start: "the time the course starts, such as '09:00'",
    duration: "the course's length in minutes, breaks included",
    sessions: "the sessions (days or half-days), in order",
    sessionStart: "the time it starts, such as '09:00' (default: the course's start)",
    end: "the time it must be over by, such as '17:30' (optional)",
    blocks: "the blocks of the session, in order",
    minutes: "the block's length in minutes, 1 to 480",
    kind: "'talk', 'discussion', 'exercise', 'role-play', 'quiz' or 'break'",
    owner: "a role id from playbook_data/roles.yml, or a name in both languages {zh: …, en: …}",
    review_by: "the date to review it by, such as 2027-03-31"
  };
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

  // macros/problems.py shown(): how a wrong value is named in a message
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

  function isWhole(value) {
    return typeof value === "number" && Number.isInteger(value);
  }

  // 2027-03-31, a day that exists
  function isDate(value) {
    var parts = typeof value === "string" && DATE.exec(value);
    if (!parts) return false;
    var day = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
    return day.getUTCFullYear() === Number(parts[1]) && day.getUTCMonth() === Number(parts[2]) - 1 &&
      day.getUTCDate() === Number(parts[3]) && Number(parts[1]) >= 1;
  }

  function isText(value) {
    return typeof value === "string" && value.trim() !== "";
  }

  function toMinutes(time) {
    var parts = time.split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  }

  // 09:30; past midnight the clock starts again, as on the course pages (macros/course_plan.py clock)
  function clock(minutes) {
    minutes = ((minutes % DAY) + DAY) % DAY;
    return hours(minutes);
  }

  // 25:30 for a time past midnight, as the checker says it
  function hours(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
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

  // Phase one: what the schema (pydantic) refuses. The checker stops a file there, so phase two runs only
  // when this finds nothing.
  function structure(course, out) {
    if (typeof course.id !== "string" || !ID.test(course.id)) out.field(["id"], course.id, EXPECTED.id);
    // The composer names the owner by a role id; a name in both languages is checked as the checker does
    if (course.owner === undefined) out.field(["owner"], course.owner, EXPECTED.owner);
    else if (typeof course.owner !== "string" || !course.owner.trim()) text(["owner"], course.owner, out, EXPECTED.owner);
    if (!isDate(course.review_by)) out.field(["review_by"], course.review_by, EXPECTED.review_by);
    ["sources", "covers", "audience"].forEach(function (name) {
      if (!Array.isArray(course[name]) || !course[name].length) out.field([name], course[name], EXPECTED[name]);
    });
    text(["title"], course.title, out, "the course's title in both languages");
    text(["summary"], course.summary, out, "one or two sentences saying what the course is for");
    if (typeof course.start !== "string" || !CLOCK.test(course.start)) out.field(["start"], course.start, EXPECTED.start);
    if (!isWhole(course.duration) || course.duration <= 0 || course.duration > 6000) {
      out.field(["duration"], course.duration, EXPECTED.duration);
    }
    if (!Array.isArray(course.sessions) || !course.sessions.length) {
      out.field(["sessions"], course.sessions, EXPECTED.sessions);
      return;
    }
    course.sessions.forEach(function (session, s) {
      var path = ["sessions", s];
      text(path.concat("title"), session.title, out, "the session's title in both languages, such as 'Day 1'");
      [["start", EXPECTED.sessionStart], ["end", EXPECTED.end]].forEach(function (pair) {
        var value = session[pair[0]];
        if (value !== undefined && value !== null && (typeof value !== "string" || !CLOCK.test(value))) {
          out.field(path.concat(pair[0]), value, pair[1]);
        }
      });
      if (!Array.isArray(session.blocks) || !session.blocks.length) {
        out.field(path.concat("blocks"), session.blocks, EXPECTED.blocks);
        return;
      }
      session.blocks.forEach(function (block, b) { blockStructure(block, path.concat("blocks", b), out); });
    });
  }

  function text(path, value, out, expected) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      out.field(path, value, expected);
      return;
    }
    ["zh", "en"].forEach(function (lang) {
      if (!isText(value[lang])) out.field(path.concat(lang), value[lang], EXPECTED[lang]);
    });
  }

  function blockStructure(block, path, out) {
    var before = out.list.length;
    if (!isWhole(block.minutes) || block.minutes <= 0 || block.minutes > 480) {
      out.field(path.concat("minutes"), block.minutes, EXPECTED.minutes);
    }
    if (KINDS.indexOf(block.kind) < 0) out.field(path.concat("kind"), block.kind, EXPECTED.kind);
    if (block.title !== undefined && block.title !== null) {
      text(path.concat("title"), block.title, out, "what the block is called, in both languages");
    }
    if (out.list.length > before) return;  // the kind rules run only on a block whose fields are right
    var where = dotted(path) + ": ";
    if (block.kind === "break") {
      var used = USES.filter(function (name) { return uses(block, name); });
      if (used.length) {
        out.add(path, "break-uses", where + "a break uses " + used.join(", ") + "; expected a break to use nothing",
                { uses: used.join(", ") });
      }
      return;
    }
    if (!block.title) {
      out.add(path, "no-title", where + "a " + block.kind + " block has no title; expected title: {zh: …, en: …}",
              { kind: block.kind });
    } else if ((block.kind === "role-play") !== uses(block, "roleplay")) {
      out.add(path, "roleplay-card", where + "a role-play block names one card and no other block does; " +
              "expected 'roleplay: <card id>' exactly on role-play blocks");
    } else if ((block.kind === "quiz") !== uses(block, "questions")) {
      out.add(path, "quiz-questions", where + "a quiz block lists questions and no other block does; " +
              "expected 'questions: [<quiz id>/<number>, …]' exactly on quiz blocks");
    }
  }

  function uses(block, name) {
    var value = block[name];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  }

  // "one of: a, b" for a short list of known ids, else where they come from (macros/playbook.py unknown())
  function expectedIds(known, home) {
    return known.length > 0 && known.length <= 12 ? "one of: " + known.slice().sort().join(", ") : "an id from " + home;
  }

  // Phase two: what only the rest of the playbook reveals (macros/playbook.py, macros/course_checks.py)
  function references(course, data, out) {
    if (Object.prototype.hasOwnProperty.call(data.where, course.id)) {
      out.add(["id"], "id-used", "id '" + course.id + "' is used twice; expected a unique id (first used at " +
              data.where[course.id] + ")", { id: course.id });
    }
    course.covers.forEach(function (topic, i) {
      if (data.topics.indexOf(topic) < 0) {
        out.add(["covers", i], "unknown-topic", "unknown topic id '" + topic + "'; expected " +
                expectedIds(data.topics, "playbook_data/topics.yml"), { id: topic });
      }
    });
    (course.prerequisites || []).forEach(function (id, i) { module(["prerequisites", i], id, data, out); });
    eachBlock(course, function (block, path) {
      (block.modules || []).forEach(function (id, i) { module(path.concat("modules", i), id, data, out); });
    });
    var total = 0;
    eachBlock(course, function (block) { total += block.minutes; });
    if (total !== course.duration) {
      out.add(["duration"], "duration-sum", "the blocks add up to " + total + " minutes but duration is " +
              course.duration + "; expected the blocks to add up to the declared duration",
              { total: total, duration: course.duration });
    }
    dayEnds(course, out);
    if (typeof course.owner === "string" && data.roles.indexOf(course.owner) < 0) {
      out.add(["owner"], "unknown-owner", "unknown owner '" + course.owner + "'; expected a role id (" +
              data.roles.join(", ") + ") or a name in both languages {zh: …, en: …}", { id: course.owner });
    }
    course.audience.forEach(function (role, i) {
      if (data.roles.indexOf(role) < 0) {
        out.add(["audience", i], "unknown-role", "unknown role '" + role + "'; expected one of: " + data.roles.join(", "),
                { id: role });
      }
    });
    eachBlock(course, function (block, path) { blockReferences(block, path, data, out); });
  }

  function module(path, id, data, out) {
    if (data.modules.indexOf(id) < 0) {
      out.add(path, "unknown-module", "unknown module id '" + id + "'; expected " +
              expectedIds(data.modules, "playbook_data/modules/"), { id: id });
    }
  }

  function eachBlock(course, visit) {
    course.sessions.forEach(function (session, s) {
      session.blocks.forEach(function (block, b) { visit(block, ["sessions", s, "blocks", b], session); });
    });
  }

  function dayEnds(course, out) {
    course.sessions.forEach(function (session, s) {
      var start = toMinutes(session.start || course.start);
      var end = session.end ? toMinutes(session.end) : DAY;
      if (end <= start) {
        out.add(["sessions", s, "end"], "end-before-start", "the session ends at " + session.end +
                ", before it starts at " + clock(start) + "; expected an end after the start",
                { end: session.end, start: clock(start) });
        return;
      }
      session.blocks.forEach(function (block, b) {
        start += block.minutes;
        if (start > end) {
          var limit = session.end || "24:00";
          out.add(["sessions", s, "blocks", b, "minutes"], "day-end", "the block ends at " + hours(start) +
                  ", after the session's end " + (session.end || "24:00, past midnight") +
                  "; expected the session's blocks to end by " + limit, { at: hours(start), end: limit });
        }
      });
    });
  }

  function blockReferences(block, path, data, out) {
    (block.topics || []).forEach(function (topic, i) {
      if (data.topics.indexOf(topic) < 0) {
        out.add(path.concat("topics", i), "unknown-topic", "unknown topic id '" + topic +
                "'; expected a topic id from playbook_data/topics.yml", { id: topic });
      }
    });
    (block.handouts || []).forEach(function (id, i) {
      if (data.printables.indexOf(id) < 0) {
        out.add(path.concat("handouts", i), "unknown-handout", "unknown handout '" + id + "'; expected a checklist " +
                "id from playbook_data/checklists/ or a sheet id from playbook_data/sheets/", { id: id });
      }
    });
    (block.questions || []).forEach(function (ref, i) { question(path.concat("questions", i), ref, data, out); });
    if (block.roleplay) card(path.concat("roleplay"), block, data, out);
  }

  function question(path, ref, data, out) {
    var parts = ref.split("/"), quiz = parts[0], number = parts[1];
    if (!Object.prototype.hasOwnProperty.call(data.quizzes, quiz)) {
      out.add(path, "unknown-quiz", "unknown quiz id '" + quiz + "' in '" + ref +
              "'; expected a quiz id from playbook_data/quizzes/", { id: quiz });
    } else if (number && Number(number) > data.quizzes[quiz]) {
      out.add(path, "no-question", "quiz '" + quiz + "' has no question " + number + "; expected a number from 1 to " +
              data.quizzes[quiz], { id: quiz, number: number, count: data.quizzes[quiz] });
    }
  }

  function card(path, block, data, out) {
    var id = block.roleplay, minutes = data.cards[id];
    if (!Object.prototype.hasOwnProperty.call(data.cards, id)) {
      var known = Object.keys(data.cards).sort();
      var expected = known.length > 0 && known.length <= 12 ? "one of: " + known.join(", ")
        : "the id of a card in playbook_data/scripts/ or playbook_data/talktracks/";
      out.add(path, "unknown-card", "unknown role-play card '" + id + "'; expected " + expected, { id: id });
    } else if (minutes > block.minutes) {
      out.add(path, "card-longer", "role-play card '" + id + "' takes " + minutes + " minutes but the block has " +
              block.minutes + "; expected a block of at least " + minutes + " minutes",
              { id: id, card: minutes, minutes: block.minutes });
    }
  }

  // Every problem of a course (the data of a YAML file) against `data` (macros/composer.py check_data)
  function check(course, data) {
    var out = new Problems();
    structure(course, out);
    if (!out.list.length) references(course, data, out);
    return out.list;
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

  root.PlaybookComposer = { check: check, agenda: agenda, toYaml: toYaml, clock: clock, KINDS: KINDS };
})(typeof window !== "undefined" ? window : globalThis);
