/*
 * Autocomplete for search inputs marked with data-search-autocomplete="<API URL>", following
 * the WAI-ARIA 1.2 combobox pattern (list autocomplete, no automatic selection): the input is
 * role="combobox" with aria-expanded/aria-controls/aria-activedescendant, suggestions are a
 * role="listbox" of role="option" links. Arrow keys move, Enter opens the highlighted title,
 * Escape closes (or clears), and the form still submits normally without JavaScript.
 * base.html loads it (deferred) on every page: the header's search box and /sok/ use it.
 */
(function () {
    "use strict";
    var DELAY = 150;

    function setup(input, index) {
        if (input.getAttribute("role") === "combobox") { return; }  // already set up
        var url = input.getAttribute("data-search-autocomplete");
        var listId = "search-suggestions-" + index;
        var list = document.createElement("ul");
        var status = document.createElement("div");
        var timer = null, active = -1, items = [], lastQuery = "";
        // What a screen reader hears when suggestions arrive, in the page's language.
        var statusOne = input.getAttribute("data-status-one") || "1 forslag tilgjengelig.";
        var statusMany = input.getAttribute("data-status-many") || "{n} forslag tilgjengelig.";

        list.id = listId;
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "Forslag");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.appendChild(list);
        input.parentNode.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(position) {
            var options = list.querySelectorAll("[role=option]");
            if (!options.length) { return; }
            active = (position + options.length) % options.length;
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", options[active].id);
            options[active].scrollIntoView({ block: "nearest" });
        }

        function render(results) {
            items = results;
            list.textContent = "";
            results.forEach(function (result, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = result.title;
                option.addEventListener("mousedown", function (event) { event.preventDefault(); });
                option.addEventListener("click", function () { window.location.href = result.url; });
                list.appendChild(option);
            });
            if (results.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = results.length === 1 ? statusOne : statusMany.replace("{n}", results.length);
            } else {
                close();
                status.textContent = "";
            }
            active = -1;
            input.removeAttribute("aria-activedescendant");
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query.length < 2) { lastQuery = ""; render([]); return; }
            if (query === lastQuery) {
                // The same text again (typed after Escape closed the list): show it again.
                if (list.hidden && items.length) { render(items); }
                return;
            }
            lastQuery = query;
            fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (input.value.trim() === query) { render(data.results || []); } })
                .catch(function () { render([]); });
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, DELAY);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                if (list.hidden && items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
                highlight(active + 1);
                event.preventDefault();
            } else if (event.key === "ArrowUp") {
                highlight(active - 1);
                event.preventDefault();
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                window.location.href = items[active].url;
            } else if (event.key === "Escape") {
                // A search field clears itself on Escape: keep the text while closing the list.
                if (!list.hidden) { close(); event.preventDefault(); } else { input.value = ""; lastQuery = ""; }
            }
        });
        input.addEventListener("blur", function () { setTimeout(close, 100); });
    }

    function init() {
        document.querySelectorAll("input[data-search-autocomplete]").forEach(setup);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
