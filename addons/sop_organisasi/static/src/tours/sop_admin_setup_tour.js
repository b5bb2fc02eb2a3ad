/** @odoo-module **/
import { registry } from "@web/core/registry";
import { openSetupChecklistSteps } from "./sop_tour_steps";

registry.category("web_tour.tours").add("sop_admin_setup_tour", {
    url: "/odoo",
    steps: () => [
        ...openSetupChecklistSteps(),
        {
            content: "The checklist shows the letterhead item with its status",
            trigger: ".o_data_row:has(td[name='name']:contains('Letterhead, logo and paper')) td[name='state'] .badge",
        },
        {
            content: "The executor roles item is still to do",
            trigger: ".o_data_row:has(td[name='name']:contains('Executor roles held by someone')) td[name='state']:contains('To Do')",
        },
        {
            content: "Follow the executor roles item to its screen",
            trigger: ".o_data_row:has(td[name='name']:contains('Executor roles held by someone')) button[name='action_open']",
            run: "click",
        },
        {
            content: "The executor roles open",
            trigger: ".o_breadcrumb .active:contains('Executor Roles')",
        },
        {
            content: "The role held by nobody is flagged",
            trigger: ".o_data_row:has(td[name='name']:contains('Peran Tanpa Pemegang')) td[name='staffing_warning']:contains('Nobody holds this role')",
        },
        {
            content: "Back to the checklist",
            trigger: ".o_breadcrumb a:contains('Setup Checklist')",
            run: "click",
        },
        {
            content: "The checklist is shown again",
            trigger: ".o_data_row td[name='name']:contains('OPDs and their liaison users')",
        },
    ],
});
