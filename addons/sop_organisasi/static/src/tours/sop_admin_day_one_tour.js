/** @odoo-module **/
import { registry } from "@web/core/registry";
import { openSetupChecklistSteps } from "./sop_tour_steps";

const COUNT = ".o_sop_setup_progress .o_sop_setup_count";
const STORAGE_KEY = "sop_admin_day_one_done";

function doneCount() {
    const text = document.querySelector(COUNT).textContent;
    return parseInt(text.trim().split(/\s+/)[0], 10);
}

function row(item) {
    return `.o_data_row:has(td[name='name']:contains('${item}'))`;
}

function backToChecklist() {
    return [
        {
            content: "Back to the checklist",
            trigger: ".o_breadcrumb a:contains('Setup Checklist')",
            run: "click",
        },
        {
            content: "The checklist is shown again with its count",
            trigger: `${COUNT}:contains('done')`,
        },
    ];
}

/** Follow an item's own link and check the screen it opens. */
function openItem(item, screen) {
    return [
        {
            content: `Follow the item '${item}'`,
            trigger: `${row(item)} button[name='action_open']`,
            run: "click",
        },
        {
            content: `'${item}' opens its screen`,
            trigger: screen,
        },
        ...backToChecklist(),
    ];
}

// The administrator's first day: from the SOP menu to the checklist, each item's screen through its
// link, a user created with his role on the user form, and the count going up.
registry.category("web_tour.tours").add("sop_admin_day_one_tour", {
    url: "/odoo",
    steps: () => [
        ...openSetupChecklistSteps(),
        {
            content: "The checklist says how much is done, and what is next",
            trigger: `${COUNT}:contains('of'):contains('done')`,
            run() {
                window.sessionStorage.setItem(STORAGE_KEY, String(doneCount()));
            },
        },
        {
            content: "The first item is the users, still to do",
            trigger: `${row("Users and their roles")} td[name='state']:contains('To Do')`,
        },
        {
            content: "The next button names the first item to do",
            trigger: ".o_sop_setup_next:contains('Users and their roles')",
            run: "click",
        },
        {
            content: "The users open",
            trigger: ".o_list_view .o_data_row td[name='login']",
        },
        {
            content: "Create a user",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "His name",
            trigger: ".o_form_view div[name='name'] input",
            run: "edit Kasubbag Kinerja Tour",
        },
        {
            content: "His login",
            trigger: ".o_form_view div[name='login'] input",
            run: "edit kasubbag.tour",
        },
        {
            content: "The SOP tab",
            trigger: ".o_notebook a.nav-link[name='sop']",
            run: "click",
        },
        {
            content: "Give him his executor role",
            trigger: ".o_form_view div[name='sop_role_ids'] input",
            run: "edit Kasubbag Kinerja",
        },
        {
            content: "Pick the role",
            trigger: ".o-autocomplete--dropdown-item a:contains('Kasubbag Kinerja dan RB')",
            run: "click",
        },
        {
            content: "The role is on the form",
            trigger: ".o_form_view div[name='sop_role_ids'] .o_tag:contains('Kasubbag Kinerja dan RB')",
        },
        {
            content: "Save the user",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The user is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        ...backToChecklist(),
        {
            content: "The users item is now ready",
            trigger: `${row("Users and their roles")} td[name='state']:contains('Ready')`,
        },
        {
            content: "The count went up by one",
            trigger: `${COUNT}:contains('done')`,
            run() {
                const before = parseInt(window.sessionStorage.getItem(STORAGE_KEY), 10);
                if (doneCount() !== before + 1) {
                    throw new Error(`The count did not go up: ${before} before, ${doneCount()} now`);
                }
            },
        },
        ...openItem("OPDs and their liaison users", ".o_list_view th[data-name='is_opd']"),
        ...openItem("Executor roles held by someone", ".o_breadcrumb .active:contains('Executor Roles')"),
        ...openItem("Approval tiers", ".o_list_view .o_data_row td[name='model_id']"),
        ...openItem("Letterhead, logo and paper", ".o_form_view div[name='kop_government_name']"),
        {
            content: "Follow the calendar item",
            trigger: `${row("Company calendar, time zone and public holidays")} button[name='action_open']`,
            run: "click",
        },
        {
            content: "The public holidays wizard opens",
            trigger: ".modal .o_form_view",
        },
        {
            content: "Close it",
            trigger: ".modal .btn-close",
            run: "click",
        },
        ...openItem("SOP Users and their units", ".o_list_view .o_data_row td[name='login']"),
        ...openItem("Outgoing mail server", ".o_breadcrumb .active"),
        {
            content: "Every item is still listed",
            trigger: `${row("Outgoing mail server")}`,
        },
    ],
});
