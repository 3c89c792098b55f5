/* "Legg til favoritt" without an account. The favourites are a list of page ids, newest
   first, kept in this browser's localStorage; nothing about them is stored on the server.
   Two parts: the button on resource pages (favourites/button.html) and the list on
   "Mine favoritter" (favourites/my_favourites.html), which asks /api/favoritter/ which of
   the ids are still published pages. Every text comes from the templates' data- attributes,
   so Django translates it. Without JavaScript or storage the button stays hidden. */
(function () {
    "use strict";

    var KEY = "kompetansebroen.favoritter";
    var MAX = 100; // MAX_FAVOURITES in favourites/lookup.py (a test checks they agree)

    function openStorage() {
        // Storage can be switched off or full (private modes): then there are no favourites.
        try {
            var store = window.localStorage;
            store.setItem(KEY + ".test", "1");
            store.removeItem(KEY + ".test");
            return store;
        } catch (error) {
            return null;
        }
    }

    function isId(value) {
        return typeof value === "number" && value > 0 && value <= 2147483647 && Math.floor(value) === value;
    }

    function read(store) {
        try {
            var ids = JSON.parse(store.getItem(KEY) || "[]");
            return Array.isArray(ids) ? ids.filter(isId).slice(0, MAX) : [];
        } catch (error) {
            return [];
        }
    }

    function write(store, ids) {
        try {
            store.setItem(KEY, JSON.stringify(ids.slice(0, MAX)));
            return true;
        } catch (error) {
            return false;
        }
    }

    function without(ids, unwanted) {
        return ids.filter(function (id) {
            return unwanted.indexOf(id) === -1;
        });
    }

    function add(store, id) {
        return write(store, [id].concat(without(read(store), [id])));
    }

    function remove(store, id) {
        return write(store, without(read(store), [id]));
    }

    function announce(region, text) {
        // Emptied first, so that the same message twice in a row is read out again.
        region.textContent = "";
        window.setTimeout(function () {
            region.textContent = text;
        }, 100);
    }

    function fill(template, title) {
        return template.replace("{title}", function () {
            return title;
        });
    }

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    // ---- The button on a resource page: a toggle (aria-pressed) whose label says what it does.
    function initButton(box, store) {
        var id = Number(box.getAttribute("data-favourite"));
        var button = box.querySelector("button");
        var label = box.querySelector("[data-favourite-label]");
        var status = box.querySelector("[data-favourite-status]");
        if (!isId(id) || !button || !label || !status) {
            return;
        }
        function saved() {
            return read(store).indexOf(id) !== -1;
        }
        function show() {
            var on = saved();
            button.setAttribute("aria-pressed", on ? "true" : "false");
            label.textContent = box.getAttribute(on ? "data-label-remove" : "data-label-add");
        }
        button.addEventListener("click", function () {
            var was = saved();
            if (was ? remove(store, id) : add(store, id)) {
                announce(status, box.getAttribute(was ? "data-msg-removed" : "data-msg-added"));
            }
            show();
        });
        // Another tab changed the list.
        window.addEventListener("storage", function (event) {
            if (event.key === KEY || event.key === null) {
                show();
            }
        });
        show();
        box.hidden = false;
    }

    // ---- "Mine favoritter": cards for the pages that are still published.
    function initList(root, store) {
        var list = root.querySelector("[data-favourites-items]");
        var empty = root.querySelector("[data-favourites-empty]");
        var loading = root.querySelector("[data-favourites-loading]");
        var status = root.querySelector("[data-favourites-status]");
        if (!store) {
            root.querySelector("[data-favourites-unavailable]").hidden = false;
            return;
        }

        function showEmpty(moveFocus) {
            list.hidden = true;
            empty.hidden = false;
            if (moveFocus) {
                empty.focus();
            }
        }

        function removeItem(item, entry) {
            remove(store, item.id);
            var next = entry.nextElementSibling || entry.previousElementSibling;
            entry.parentNode.removeChild(entry);
            announce(status, fill(root.getAttribute("data-msg-removed"), item.title));
            // Focus stays in the list (the next card's button), or goes to the empty text.
            if (next) {
                next.querySelector("button").focus();
            } else {
                showEmpty(true);
            }
        }

        function card(item) {
            var entry = element("li");
            var article = element("article", "ds-card card card--" + (item.type || "page"));
            var body = element("div", "card__body");
            body.appendChild(element("p", "card__type", item.type_label));
            var heading = element("h2", "card__title");
            var link = element("a", "", item.title);
            link.href = item.url;
            heading.appendChild(link);
            body.appendChild(heading);
            if (item.summary) {
                var summary = item.summary.length > 220 ? item.summary.slice(0, 219) + "…" : item.summary;
                body.appendChild(element("p", "card__summary", summary));
            }
            if (item.date) {
                var meta = element("dl", "card__meta");
                var row = element("div");
                var value = element("dd");
                var time = element("time", "", item.date_label);
                time.setAttribute("datetime", item.date);
                value.appendChild(time);
                row.appendChild(element("dt", "", root.getAttribute("data-label-date")));
                row.appendChild(value);
                meta.appendChild(row);
                body.appendChild(meta);
            }
            var button = element("button", "ds-button favourites__remove");
            button.type = "button";
            button.setAttribute("data-variant", "secondary");
            button.appendChild(document.createTextNode(root.getAttribute("data-label-remove") + " "));
            button.appendChild(
                element("span", "visually-hidden", fill(root.getAttribute("data-label-remove-context"), item.title))
            );
            button.addEventListener("click", function () {
                removeItem(item, entry);
            });
            body.appendChild(button);
            article.appendChild(body);
            entry.appendChild(article);
            return entry;
        }

        var ids = read(store);
        if (!ids.length) {
            showEmpty(false);
            return;
        }
        loading.hidden = false;
        var query = ids
            .map(function (id) {
                return "id=" + id;
            })
            .join("&");
        window
            .fetch(root.getAttribute("data-favourites") + "?" + query, {
                headers: { Accept: "application/json" },
            })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                loading.hidden = true;
                var found = data.results.map(function (item) {
                    return item.id;
                });
                // Unpublished, restricted or deleted pages leave the list for good.
                var gone = without(ids, found);
                if (gone.length) {
                    write(store, without(read(store), gone));
                }
                if (!data.results.length) {
                    showEmpty(false);
                    return;
                }
                data.results.forEach(function (item) {
                    list.appendChild(card(item));
                });
                list.hidden = false;
            })
            .catch(function () {
                loading.hidden = true;
                root.querySelector("[data-favourites-error]").hidden = false;
            });
    }

    var store = openStorage();
    if (store) {
        document.querySelectorAll("[data-favourite]").forEach(function (box) {
            initButton(box, store);
        });
    }
    document.querySelectorAll("[data-favourites]").forEach(function (root) {
        initList(root, store);
    });
})();
