/* The course composer's checks, shared by the page (composer.js) and the tests (Node), after composer-course.js
   and composer-problems.js:
   the checks `python -m macros check` runs on a course file (the schema in
   playbook/courses/schema.py, then playbook/courses/checks.py), each problem with its path inside the file and the
   checker's own English message. tests/vectors/courses/composer.json holds the cases both must pass.
   Checked by hand rather than with a JSON-schema library: the messages must be the checker's, word for word. */
(function (root) {
  "use strict";

  var PC = root.PlaybookComposer, KINDS = PC.KINDS, CLOCK = PC.CLOCK, isWhole = PC.isWhole, clock = PC.clock, hours = PC.hours;
  var Problems = PC.Problems, dotted = PC.dotted;
  var USES = ["modules", "topics", "roleplay", "handouts", "questions"];
  var ID = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
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

  // "one of: a, b" for a short list of known ids, else where they come from (playbook/core/book.py unknown())
  function expectedIds(known, home) {
    return known.length > 0 && known.length <= 12 ? "one of: " + known.slice().sort().join(", ") : "an id from " + home;
  }

  // Phase two: what only the rest of the playbook reveals (playbook/core/book.py, playbook/courses/checks.py)
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
      var start = PC.toMinutes(session.start || course.start);
      var end = session.end ? PC.toMinutes(session.end) : PC.DAY;
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

  // Every problem of a course (the data of a YAML file) against `data` (playbook/composer/composer.py check_data)
  function check(course, data) {
    var out = new Problems();
    structure(course, out);
    if (!out.list.length) references(course, data, out);
    return out.list;
  }

  PC.check = check;
})(typeof window !== "undefined" ? window : globalThis);
