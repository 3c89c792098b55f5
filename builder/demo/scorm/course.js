/* The demo course's SCORM 1.2 side: find the LMS's API by walking up the parent windows,
   start the session, keep the learner's answers in cmi.suspend_data (so a reload resumes),
   and report the score and passed/failed when the test is sent in. */
(function () {
    "use strict";

    var CORRECT = { q1: "a", q2: "b", q3: "c" };
    var MASTERY = 80;
    var api = findAPI(window);
    var finished = false;

    function findAPI(win) {
        for (var depth = 0; win && depth < 10; depth += 1) {
            if (win.API) return win.API;
            if (!win.parent || win.parent === win) break;
            win = win.parent;
        }
        return window.opener && window.opener.API ? window.opener.API : null;
    }

    function get(name) {
        return api ? String(api.LMSGetValue(name)) : "";
    }

    function set(name, value) {
        if (api) api.LMSSetValue(name, String(value));
    }

    function commit() {
        if (api) api.LMSCommit("");
    }

    function answers(form) {
        var result = {};
        Object.keys(CORRECT).forEach(function (name) {
            var checked = form.querySelector('input[name="' + name + '"]:checked');
            if (checked) result[name] = checked.value;
        });
        return result;
    }

    function restore(form) {
        var saved = {};
        try { saved = JSON.parse(get("cmi.suspend_data") || "{}"); } catch (error) { saved = {}; }
        Object.keys(saved).forEach(function (name) {
            var input = form.querySelector('input[name="' + name + '"][value="' + saved[name] + '"]');
            if (input) input.checked = true;
        });
    }

    function finish() {
        if (api && !finished) {
            finished = true;
            api.LMSFinish("");
        }
    }

    function showResult(percent, passed) {
        var section = document.getElementById("result");
        document.getElementById("result-text").textContent =
            "Du svarte riktig på " + Math.round(percent) + " % av spørsmålene. " +
            (passed ? "Du har bestått kurset." : "Du har ikke bestått kurset ennå.");
        document.getElementById("result-text").className = passed ? "passed" : "error";
        document.getElementById("result-next").textContent = passed
            ? "Du kan nå lage kursbevis under kurset."
            : "Les gjennom kurset igjen og prøv på nytt.";
        section.hidden = false;
        document.getElementById("result-title").focus();
    }

    function start() {
        var form = document.getElementById("quiz");
        if (!api) {
            document.getElementById("no-lms").hidden = false;
        } else {
            api.LMSInitialize("");
            if (get("cmi.core.lesson_status") === "not attempted") {
                set("cmi.core.lesson_status", "incomplete");
            }
            // Until the test is sent in, leaving means "come back here" (resume).
            set("cmi.core.exit", "suspend");
            restore(form);
            commit();
        }

        form.addEventListener("change", function () {
            set("cmi.suspend_data", JSON.stringify(answers(form)));
            set("cmi.core.lesson_location", "test");
            commit();
        });

        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var given = answers(form);
            var error = document.getElementById("quiz-error");
            if (Object.keys(given).length < Object.keys(CORRECT).length) {
                error.hidden = false;
                var unanswered = Array.prototype.filter.call(
                    form.querySelectorAll("fieldset"),
                    function (fieldset) { return !fieldset.querySelector("input:checked"); }
                )[0];
                if (unanswered) unanswered.querySelector("input").focus();
                return;
            }
            error.hidden = true;
            var right = Object.keys(CORRECT).filter(function (name) {
                return given[name] === CORRECT[name];
            }).length;
            var percent = (right / Object.keys(CORRECT).length) * 100;
            var passed = percent >= MASTERY;
            set("cmi.core.score.min", 0);
            set("cmi.core.score.max", 100);
            set("cmi.core.score.raw", Math.round(percent));
            set("cmi.core.lesson_status", passed ? "passed" : "failed");
            set("cmi.core.exit", "");
            set("cmi.suspend_data", "");
            commit();
            form.querySelector("button[type=submit]").disabled = true;
            showResult(percent, passed);
            finish();
        });

        // Leaving before the test is sent in: suspend, so the next visit resumes.
        window.addEventListener("pagehide", function () {
            if (api && !finished) {
                set("cmi.core.exit", "suspend");
                commit();
                finish();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
