/** @odoo-module **/
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("sop_admin_setup_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the SOP app",
            trigger: ".o_app[data-menu-xmlid='sop_organisasi.sop_root_menu']",
            run: "click",
        },
        {
            content: "Open the configuration menu",
            trigger: "button[data-menu-xmlid='sop_organisasi.sop_configuration_menu']",
            run: "click",
        },
        {
            content: "Open the setup checklist",
            trigger: "a[data-menu-xmlid='sop_organisasi.sop_setup_item_menu']",
            run: "click",
        },
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
