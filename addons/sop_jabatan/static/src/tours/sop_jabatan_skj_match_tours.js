/** @odoo-module **/
import { registry } from "@web/core/registry";

// Who meets the standard (docs/jabatan.md): the division reads a holder's job-person match and its gaps; a
// liaison sees the holders of his OPD only. The screens are in Indonesian (decimal comma).
registry.category("web_tour.tours").add("sop_jabatan_skj_match_staff_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_skj_holder_action",
    steps: () => [
        {
            content: "The holders of every OPD: Budi meets 17 of 18 levels",
            trigger: ".o_list_view .o_data_row:contains('Budi Tur'):contains('94,44'):contains('Optimal')",
        },
        {
            content: "and the holder of the other OPD, not assessed yet",
            trigger: ".o_list_view .o_data_row:contains('Eko Tur'):contains('Kurang Optimal')",
        },
        {
            content: "Open Budi's match",
            trigger: ".o_list_view .o_data_row td[name='employee_name']:contains('Budi Tur')",
            run: "click",
        },
        {
            content: "Integritas below the standard by one level",
            trigger: ".o_form_view div[name='match_ids'] .o_data_row:contains('Integritas'):contains('-1')",
        },
        {
            content: "Komunikasi above it",
            trigger: ".o_form_view div[name='match_ids'] .o_data_row:contains('Komunikasi'):contains('1')",
        },
    ],
});

registry.category("web_tour.tours").add("sop_jabatan_skj_match_liaison_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_skj_holder_action",
    steps: () => [
        {
            content: "The holders of his OPD",
            trigger: ".o_list_view .o_data_row:contains('Budi Tur'):contains('94,44')",
        },
        {
            content: "not those of another OPD",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Eko Tur')))",
        },
    ],
});
