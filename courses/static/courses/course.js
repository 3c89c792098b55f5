/* Courses taken in the portal: progress through the lessons kept in this browser only
   (localStorage, no account, nothing sent to the server), and practice questions with
   immediate feedback. Without JavaScript the lessons still work and each practice question
   has a "Vis svaret" disclosure. */
(function () {
  "use strict";

  var PREFIX = "kompetansebroen:kurs:";

  function load(courseId) {
    try {
      var data = JSON.parse(window.localStorage.getItem(PREFIX + courseId) || "{}");
      return Array.isArray(data.done) ? data.done : [];
    } catch (error) {
      return [];
    }
  }

  function save(courseId, done) {
    try {
      window.localStorage.setItem(PREFIX + courseId, JSON.stringify({ done: done }));
    } catch (error) {
      /* Storage full or switched off: the course works, progress is just not kept. */
    }
  }

  function markLessonSeen(article) {
    var courseId = article.getAttribute("data-course-progress");
    var lessonId = article.getAttribute("data-lesson");
    var done = load(courseId);
    if (done.indexOf(lessonId) === -1) {
      done.push(lessonId);
      save(courseId, done);
    }
  }

  function showProgress(list) {
    var courseId = list.getAttribute("data-course-lessons");
    var done = load(courseId);
    var items = list.querySelectorAll("[data-lesson-id]");
    var count = 0;
    var next = null;
    items.forEach(function (item) {
      var seen = done.indexOf(item.getAttribute("data-lesson-id")) !== -1;
      var state = item.querySelector("[data-lesson-state]");
      if (seen) {
        count += 1;
        item.classList.add("is-done");
        if (state) state.textContent = state.getAttribute("data-done-text");
      } else if (!next) {
        next = item.querySelector("a");
      }
    });
    var summary = document.querySelector("[data-progress-summary]");
    if (summary && count > 0) {
      summary.textContent = summary
        .getAttribute("data-template")
        .replace("%(done)s", count)
        .replace("%(total)s", items.length);
      summary.hidden = false;
      var bar = document.querySelector("[data-progress-bar]");
      if (bar) {
        bar.max = items.length;
        bar.value = count;
        bar.hidden = false;
      }
    }
    var start = document.querySelector("[data-course-start]");
    if (start && count > 0 && next) {
      start.href = next.href;
      start.textContent = start.getAttribute("data-continue-text");
    }
  }

  function practice(box) {
    var button = box.querySelector("[data-check]");
    var feedback = box.querySelector("[data-feedback]");
    var answer = box.querySelector("[data-answer]");
    var inputs = box.querySelectorAll("input");
    button.hidden = false;
    button.addEventListener("click", function () {
      var chosen = 0;
      var right = 0;
      var wrong = 0;
      var total = 0;
      inputs.forEach(function (input) {
        var correct = input.getAttribute("data-correct") === "true";
        if (correct) total += 1;
        if (input.checked) {
          chosen += 1;
          if (correct) right += 1;
          else wrong += 1;
        }
      });
      var key;
      if (chosen === 0) key = "data-none-text";
      else if (right === total && wrong === 0) key = "data-right-text";
      else if (right > 0) key = "data-partly-text";
      else key = "data-wrong-text";
      feedback.textContent = box.getAttribute(key);
      feedback.className =
        "practice-question__feedback practice-question__feedback--" +
        (key === "data-right-text" ? "right" : key === "data-none-text" ? "none" : "wrong");
      if (chosen > 0 && answer) answer.open = true;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-course-progress]").forEach(markLessonSeen);
    document.querySelectorAll("[data-course-lessons]").forEach(showProgress);
    document.querySelectorAll("[data-practice-question]").forEach(practice);
  });
})();
