// Alert reach: refreshes the reach table of the staff alert page every 5 s from the page's Reach
// handler (JSON). Without this script the "Refresh" link reloads the page. The rows are rebuilt with
// textContent only (channel names are user input), inside the aria-live="polite" region. A failed
// request (offline, 503 while Outreach cannot tell) keeps the last figures.
(function () {
    "use strict";
    var section = document.getElementById("reach");
    var rows = document.getElementById("reach-rows");
    var asOf = document.getElementById("reach-as-of");
    if (!section || !rows || !asOf || !window.fetch) {
        return;
    }

    var url = section.getAttribute("data-reach-url");
    var shown = null;

    function cell(tag, text) {
        var element = document.createElement(tag);
        element.textContent = String(text);
        if (tag === "th") {
            element.setAttribute("scope", "row");
        }
        return element;
    }

    function show(reach) {
        asOf.setAttribute("datetime", reach.asOf);
        asOf.textContent = reach.asOfText;
        // Rows rebuilt only when a figure changed, so the live region speaks only then.
        var figures = JSON.stringify(reach.rows);
        if (figures === shown) {
            return;
        }
        shown = figures;
        var fragment = document.createDocumentFragment();
        reach.rows.forEach(function (row) {
            var tr = document.createElement("tr");
            tr.appendChild(cell("th", row.name));
            [row.kind, row.sent, row.failed, row.pending].forEach(function (value) {
                tr.appendChild(cell("td", value));
            });
            fragment.appendChild(tr);
        });
        rows.replaceChildren(fragment);
    }

    function poll() {
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (reach) { if (reach) { show(reach); } })
            .catch(function () { /* offline: the Refresh link still works */ })
            .then(function () { window.setTimeout(poll, 5000); });
    }

    window.setTimeout(poll, 5000);
})();
