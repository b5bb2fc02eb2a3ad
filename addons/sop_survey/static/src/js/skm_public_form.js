/** @odoo-module **/
// The public SKM form is sent once: the first tap on its button disables it. A double tap on a phone
// would post the same visit token twice (the server answers the second one with the thank-you page,
// but the citizen should not wait for two requests).
function sendOnce(ev) {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("form.o_skm_form")) {
        return;
    }
    if (form.dataset.skmSent) {
        ev.preventDefault();
        return;
    }
    form.dataset.skmSent = "1";
    for (const button of form.querySelectorAll("button[type='submit']")) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
        if (button.dataset.sendingLabel) {
            button.textContent = button.dataset.sendingLabel;
        }
    }
}

function reset(form) {
    delete form.dataset.skmSent;
    for (const button of form.querySelectorAll("button[type='submit']")) {
        button.disabled = false;
        button.removeAttribute("aria-busy");
        if (button.dataset.label) {
            button.textContent = button.dataset.label;
        }
    }
}

document.addEventListener("submit", sendOnce);
// a page restored by the back button (back/forward cache) can be sent again
window.addEventListener("pageshow", (ev) => {
    if (ev.persisted) {
        document.querySelectorAll("form.o_skm_form").forEach(reset);
    }
});
