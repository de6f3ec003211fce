/* Self-checks (a module's quiz, a course quiz): open an answer, mark yourself "I had it" or "Not yet"; the score
   shows at the top and the marks stay in this browser (localStorage), one entry per quiz and language, read
   again by the progress page. Nothing is sent anywhere. */
(function () {
  "use strict";

  var QUIZ = "[data-quiz-marks]";

  // pb:course-quiz:complaint-workshop:zh, pb:quiz:smart-goals-check:en
  function storageKey(quiz) {
    return ["pb", quiz.dataset.quizMarks, quiz.dataset.lang].join(":");
  }

  // What the quiz writes: an object of question key → "right" or "wrong"
  function isMarks(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) &&
      Object.keys(value).every(function (question) { return value[question] === "right" || value[question] === "wrong"; });
  }

  // Kept in this browser by store.js, which sets aside an entry the quiz did not write
  function load(key) {
    return window.pbStore.load(key, isMarks, function () { return {}; });
  }

  // Show each question's mark on its buttons and its summary, then the score line
  function show(quiz, marks) {
    var questions = quiz.querySelectorAll("details[data-question]");
    var right = 0, marked = 0;
    questions.forEach(function (question) {
      var mark = marks[question.dataset.question];
      if (mark) question.dataset.mark = mark; else delete question.dataset.mark;
      question.querySelectorAll("button[data-mark]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.mark === mark));
      });
      if (mark) marked += 1;
      if (mark === "right") right += 1;
    });
    var score = quiz.querySelector(".pb-quiz__score");
    score.textContent = score.dataset.template.replace("{marked}", marked)
      .replace("{total}", questions.length).replace("{right}", right);
  }

  // Wire one quiz once: restore the marks, save each new one, reveal the screen-only controls
  function bind(quiz) {
    if (quiz.dataset.pbBound) return;
    quiz.dataset.pbBound = "true";
    var key = storageKey(quiz);
    var marks = load(key);
    quiz.querySelectorAll("button[data-mark]").forEach(function (button) {
      button.addEventListener("click", function () {
        marks[button.closest("details").dataset.question] = button.dataset.mark;
        window.pbStore.save(key, marks);
        show(quiz, marks);
      });
    });
    quiz.querySelector("[data-action=quiz-reset]").addEventListener("click", function () {
      marks = {};
      window.pbStore.save(key, marks);
      quiz.querySelectorAll("details[open]").forEach(function (question) { question.open = false; });
      show(quiz, marks);
    });
    quiz.querySelectorAll(".pb-quiz__marks, .pb-quiz__tools, .pb-quiz__score")
      .forEach(function (element) { element.hidden = false; });
    show(quiz, marks);
  }

  function init() {
    document.querySelectorAll(QUIZ).forEach(bind);
  }

  window.pbStore.ready(init);
})();
