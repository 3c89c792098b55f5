/* Kompetansebroen – usage statistics without tracking (docs/operations/statistics.md).
 * Reports this page's view once per page load, and each film or episode the first time it
 * plays. No cookie goes with it (credentials "omit"), no identifier is made, nothing is kept
 * in the browser: the server adds one to a count for the page and the day. */
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !window.fetch || !window.URLSearchParams) {
        return;
    }
    var url = script.dataset.url;
    var page = script.dataset.page;

    function send(event) {
        window
            .fetch(url, {
                method: "POST",
                body: new URLSearchParams({ page: page, event: event }),
                credentials: "omit",
                referrerPolicy: "no-referrer",
                cache: "no-store",
                keepalive: true
            })
            .catch(function () {});
    }

    function start() {
        send("view");
        document
            .querySelectorAll("audio[data-usage-event], video[data-usage-event]")
            .forEach(function (media) {
                media.addEventListener(
                    "play",
                    function () {
                        send(media.dataset.usageEvent);
                    },
                    { once: true }
                );
            });
    }

    // A page the browser prepares ahead (prerendering) counts only once it is shown.
    if (document.prerendering) {
        document.addEventListener("prerenderingchange", start, { once: true });
    } else {
        start();
    }
})();
