// Outreach composer: checks the post while the editor types. Without this script the "Check" button
// does the same with a full page. The form is posted to the page's Check handler (with the form's own
// antiforgery token) about 400 ms after the last keystroke; the answer is an HTML fragment that
// replaces the content of the aria-live="polite" region, so screen readers hear the new result.
(function () {
    "use strict";
    var form = document.getElementById("composer");
    var region = document.getElementById("check-result");
    var button = form && form.querySelector("[data-check]");
    if (!form || !region || !button || !window.fetch || !window.FormData) {
        return;
    }

    var timer = null;
    var latest = 0;

    function check() {
        var request = ++latest;
        fetch(button.getAttribute("formaction"), {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { "Egov-Fragment": "check" }
        }).then(function (response) {
            return response.ok ? response.text() : null;
        }).then(function (html) {
            // Only the answer to the newest request counts; a failed one leaves the last result.
            if (html !== null && request === latest) {
                region.innerHTML = html;
            }
        }).catch(function () { /* offline: the Check button still works */ });
    }

    function schedule() {
        window.clearTimeout(timer);
        timer = window.setTimeout(check, 400);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
})();
