/* The SCORM 1.2 player: gives the package in the iframe its window.API, keeps its progress in
   this browser, and turns a pass into the certificate form.

   Runtime choice: the API object is scorm-again's Scorm12API (vendored from npm by
   scripts/refresh_frontend.sh, MIT, maintained). It implements the whole SCORM 1.2 data model
   with its validation and error codes, runs entirely in the browser, and makes no network
   request when lmsCommitUrl is false (its default), which suits anonymous learners: no account,
   and nothing personal is sent to the server. Writing our own would mean re-testing the data
   model (types, read-only and write-only elements, _children/_count, error 401–405) that it
   already covers.

   Persistence: on every LMSCommit and LMSFinish the elements a resume needs are stored in
   localStorage under the package's key, flattened ("cmi.core.lesson_location": …). A visit
   resumes (cmi.core.entry "resume") when the package last left with cmi.core.exit "suspend";
   otherwise it starts a new attempt. Data is restored with loadFromFlattenedJSON: scorm-again
   3.4.3's loadFromJSON fails on nested objects ("initialize is not a function").

   The server sees only the end of an attempt: status and score, with the signed attempt token
   the page was given; it answers with a pass token for the certificate form, or a reason. */
(function () {
    "use strict";

    var root = document.querySelector("[data-scorm-player]");
    if (!root || typeof window.Scorm12API !== "function") return;

    var RESUME_ELEMENTS = [
        "cmi.core.lesson_location",
        "cmi.core.lesson_status",
        "cmi.core.score.raw",
        "cmi.core.score.min",
        "cmi.core.score.max",
        "cmi.core.total_time",
        "cmi.core.exit",
        "cmi.suspend_data"
    ];
    var storageKey = "kompetansebroen:scorm:" + root.dataset.key;
    var status = root.querySelector("[data-scorm-status]");
    var actions = root.querySelector("[data-scorm-actions]");
    var resendButton = root.querySelector("[data-scorm-resend]");
    var retryButton = root.querySelector("[data-scorm-retry]");
    var frameBox = root.querySelector("[data-scorm-frame]");
    var iframe = frameBox.querySelector("iframe");
    var certificate = root.querySelector("[data-scorm-certificate]");
    var reported = false;
    var finished = false;
    var storageWorks = true;

    function say(text) {
        status.textContent = text;
    }

    function showActions(resend, retry) {
        resendButton.hidden = !resend;
        retryButton.hidden = !retry;
        actions.hidden = !(resend || retry);
    }

    function loadSaved() {
        try {
            return JSON.parse(window.localStorage.getItem(storageKey) || "null");
        } catch (error) {
            storageWorks = false;
            return null;
        }
    }

    function store(data) {
        try {
            window.localStorage.setItem(storageKey, JSON.stringify(data));
        } catch (error) {
            storageWorks = false;
        }
    }

    function forget() {
        try {
            window.localStorage.removeItem(storageKey);
        } catch (error) {
            storageWorks = false;
        }
    }

    var api = new window.Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
    var saved = loadSaved();
    var resuming = Boolean(saved && saved["cmi.core.exit"] === "suspend");
    var initial = { "cmi.core.credit": "credit", "cmi.core.lesson_mode": "normal" };
    if (resuming) {
        RESUME_ELEMENTS.forEach(function (name) {
            if (name !== "cmi.core.exit" && typeof saved[name] === "string") {
                initial[name] = saved[name];
            }
        });
        initial["cmi.core.entry"] = "resume";
    } else {
        initial["cmi.core.entry"] = "ab-initio";
    }
    api.loadFromFlattenedJSON(initial);

    function current() {
        var flat = api.getFlattenedCMI();
        var data = {};
        RESUME_ELEMENTS.forEach(function (name) {
            if (flat[name] !== undefined && flat[name] !== null) data[name] = String(flat[name]);
        });
        return data;
    }

    function csrfToken() {
        var input = document.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function passed(passToken) {
        var input = certificate.querySelector("input[name=pass_token]");
        input.value = passToken;
        forget(); // the attempt is over; a new visit starts afresh
        showActions(false, false);
        certificate.hidden = false;
        say(root.dataset.msgPassed);
        certificate.querySelector("#certificate-title").focus();
    }

    function report(data) {
        reported = true;
        say(root.dataset.msgSending);
        showActions(false, false);
        var body = {
            attempt: root.dataset.attempt,
            status: data["cmi.core.lesson_status"],
            score: {
                raw: data["cmi.core.score.raw"] || "",
                min: data["cmi.core.score.min"] || "",
                max: data["cmi.core.score.max"] || ""
            }
        };
        window
            .fetch(root.dataset.resultUrl, {
                method: "POST",
                credentials: "same-origin",
                headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
                body: JSON.stringify(body)
            })
            .then(function (response) {
                return response.json().then(function (answer) {
                    return { ok: response.ok, answer: answer };
                });
            })
            .then(function (reply) {
                if (reply.ok && reply.answer.pass_token) {
                    passed(reply.answer.pass_token);
                } else {
                    say(reply.answer.error || root.dataset.msgFailed);
                    showActions(false, true);
                }
            })
            .catch(function () {
                reported = false;
                say(root.dataset.msgNetwork);
                showActions(true, false);
                resendButton.onclick = function () {
                    report(data);
                };
            });
    }

    // After each commit: save progress, and act on the outcome once the package reports one.
    // "completed" without a score counts only when the package finishes, since some packages
    // mark themselves completed as soon as they are opened.
    function afterCommit() {
        var data = current();
        store(data);
        if (reported) return;
        var lessonStatus = data["cmi.core.lesson_status"];
        var hasScore = Boolean(data["cmi.core.score.raw"]);
        if (lessonStatus === "passed" || (lessonStatus === "completed" && (hasScore || finished))) {
            report(data);
        } else if (lessonStatus === "failed") {
            reported = true;
            say(root.dataset.msgFailed);
            showActions(false, true);
        }
    }

    api.on("LMSCommit", afterCommit);
    api.on("LMSFinish", function () {
        finished = true;
        afterCommit();
    });

    retryButton.addEventListener("click", function () {
        forget();
        window.location.reload();
    });

    window.API = api;
    frameBox.hidden = false;
    iframe.src = iframe.dataset.src;
    say(storageWorks ? (resuming ? root.dataset.msgResumed : root.dataset.msgStarted) : root.dataset.msgNoStorage);
})();
