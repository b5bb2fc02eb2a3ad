/** @odoo-module **/
import { registry } from "@web/core/registry";

// A SINOVIK juror starts on the assignments to score.
registry.category("web_tour.tours").add("sop_start_page_juror_tour", {
    steps: () => [
        {
            content: "The start page lists my evaluations",
            trigger: ".o_breadcrumb:contains('My Evaluations')",
        },
        {
            content: "Open the proposal to score",
            trigger: ".o_list_view .o_data_row td[name='proposal_id']:contains('Inovasi Tur Juri')",
            run: "click",
        },
        {
            content: "The assignment opens with its scores",
            trigger: ".o_form_view .o_field_widget[name='score_ids']",
        },
    ],
});

// The division's dashboard also shows the IKM of the current SKM period per unit.
registry.category("web_tour.tours").add("sop_start_page_dashboard_ikm_tour", {
    steps: () => [
        {
            content: "The IKM of the unit with its sample progress",
            trigger: ".o_sop_dashboard_skm_ikm .o_sop_dashboard_row:contains('Loket Perizinan Uji') .progress-bar",
        },
        {
            content: "Open the unit's figures",
            trigger: ".o_sop_dashboard_skm_ikm .o_sop_dashboard_row:contains('Loket Perizinan Uji')",
            run: "click",
        },
        {
            content: "The unit in the period opens",
            trigger: ".o_form_view .o_field_widget[name='sample_min']",
        },
    ],
});

// A citizen fills the public SKM form on a phone (390 x 844, touch).
registry.category("web_tour.tours").add("sop_skm_phone_tour", {
    steps: () => [
        {
            content: "The page is laid out for a phone: no horizontal scrolling",
            trigger: ".o_skm_unit_name",
            run() {
                const width = window.innerWidth;
                const overflow = document.documentElement.scrollWidth - width;
                if (width > 400 || overflow > 1) {
                    throw new Error(`viewport ${width}px, horizontal overflow ${overflow}px`);
                }
            },
        },
        ...registry.category("web_tour.tours").get("sop_skm_public_tour").steps(),
    ],
});
