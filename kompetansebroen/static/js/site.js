/* Kompetansebroen – progressive enhancement only; every page works without this file. */
(function () {
    "use strict";

    // Print the film transcript even when its <details> is closed on screen.
    var reopen = [];
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details.transcript:not([open])").forEach(function (details) {
            details.open = true;
            reopen.push(details);
        });
    });
    window.addEventListener("afterprint", function () {
        reopen.forEach(function (details) {
            details.open = false;
        });
        reopen = [];
    });
})();
