/* Kompetansebroen – progressive enhancement only; every page works without this file. */
(function () {
    "use strict";

    // Main menu on phones: a "Meny" disclosure button (WAI-ARIA disclosure pattern).
    // Without JavaScript, or on wide screens, the menu is simply always shown.
    var nav = document.querySelector(".main-nav");
    var toggle = nav && nav.querySelector(".main-nav__toggle");
    var list = nav && nav.querySelector(".main-nav__list");
    if (toggle && list && window.matchMedia) {
        var narrow = window.matchMedia("(max-width: 40rem)");
        var setOpen = function (open) {
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
            list.hidden = !open;
        };
        var apply = function () {
            nav.classList.toggle("is-collapsible", narrow.matches);
            toggle.hidden = !narrow.matches;
            setOpen(!narrow.matches);
        };
        toggle.addEventListener("click", function () {
            setOpen(toggle.getAttribute("aria-expanded") !== "true");
        });
        nav.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && narrow.matches && !list.hidden) {
                setOpen(false);
                toggle.focus();
            }
        });
        if (narrow.addEventListener) {
            narrow.addEventListener("change", apply);
        }
        apply();
    }

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
