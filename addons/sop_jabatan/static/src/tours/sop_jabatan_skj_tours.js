/** @odoo-module **/
import { registry } from "@web/core/registry";

// The competency standards (SKJ) of an OPD for a year, SOP 3 of the decree: the liaison fills in an SKJ
// and submits, the team verifies, the Kabag approves and prints the lampiran. One tour per role.
const openSkj = (opd) => [
    {
        content: "Open the SKJ of the OPD",
        trigger: `.o_data_row td:contains('${opd}')`,
        run: "click",
    },
    {
        content: "The SKJ form with its posts",
        trigger: ".o_form_view div[name='skj_ids']",
    },
];

registry.category("web_tour.tours").add("sop_jabatan_skj_liaison_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_skj_action",
    steps: () => [
        {
            content: "Open the SKJ of the post to fill in",
            trigger: ".o_list_view .o_data_row td:contains('Pengolah Data Tur SKJ')",
            run: "click",
        },
        {
            content: "Its competencies are there at the default level",
            trigger: "div[name='competency_ids'] .o_data_row td:contains('Integritas')",
        },
        {
            content: "Choose the level of Integritas",
            trigger: "div[name='competency_ids'] .o_data_row:contains('Integritas') td[name='level']",
            run: "click",
        },
        {
            content: "Level 2",
            trigger: "div[name='competency_ids'] .o_selected_row td[name='level'] input",
            run: "edit 2",
        },
        {
            content: "The requirements",
            trigger: ".o_notebook a[name='requirements']",
            run: "click",
        },
        {
            content: "Add a requirement",
            trigger: "div[name='requirement_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Education",
            trigger: "div[name='requirement_ids'] .o_selected_row td[name='kind'] select",
            run: 'select "education"',
        },
        {
            content: "What it asks",
            trigger: "div[name='requirement_ids'] .o_selected_row td[name='name'] textarea",
            run: "edit S1 Sistem Informasi",
        },
        {
            content: "Mutlak",
            trigger: "div[name='requirement_ids'] .o_selected_row td[name='grade'] select",
            run: 'select "mutlak"',
        },
        {
            content: "Save the SKJ of the post",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Open the SKJ of the OPD",
            trigger: ".o_form_view div[name='skj_set_id'] a:contains('SKJ Dinas Tur SKJ')",
            run: "click",
        },
        {
            content: "The SKJ of the OPD",
            trigger: ".o_form_view div[name='skj_ids']",
        },
        {
            content: "Submit it to the division",
            trigger: ".o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

registry.category("web_tour.tours").add("sop_jabatan_skj_team_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_skj_set_action",
    steps: () => [
        ...openSkj("Dinas Tur SKJ"),
        {
            content: "The team verifies the submitted SKJ",
            trigger: ".o_statusbar_buttons button[name='action_verify']",
            run: "click",
        },
        {
            content: "Under review: waiting for the Kabag",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='review']",
        },
    ],
});

registry.category("web_tour.tours").add("sop_jabatan_skj_kabag_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_skj_set_action",
    steps: () => [
        ...openSkj("Dinas Tur SKJ"),
        {
            content: "The Kabag approves (his tier)",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Effective",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='effective']",
        },
        {
            content: "Print the lampiran of the Keputusan Wali Kota",
            trigger: ".o_statusbar_buttons button[name='action_print_lampiran']",
            run: "click",
        },
        {
            content: "The report was asked (still on the form)",
            trigger: ".o_form_view .o_statusbar_status",
        },
    ],
});
