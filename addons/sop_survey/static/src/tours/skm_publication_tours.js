/** @odoo-module **/
import { registry } from "@web/core/registry";

// The head of the division (Kabag) publishes the IKM results of a closed SKM period.
registry.category("web_tour.tours").add("sop_skm_publish_tour", {
    url: "/odoo/action-sop_survey.sop_skm_period_action",
    steps: () => [
        {
            content: "Open the closed period",
            trigger: ".o_data_row td[name='name']:contains('SKM Uji')",
            run: "click",
        },
        {
            content: "Publish its results",
            trigger: ".o_form_view button[name='action_publish']",
            run: "click",
        },
        {
            content: "Confirm the publication",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The period is published: ribbon, date and who",
            trigger: ".o_form_view .ribbon",
        },
        {
            content: "The publication date is shown",
            trigger: ".o_form_view div[name='date_published'] span:not(:empty)",
        },
        {
            content: "Unpublishing is now offered, reopening is not",
            trigger: ".o_form_view:not(:has(button[name='action_open'])) button[name='action_unpublish']",
        },
    ],
});

// A citizen on a phone finds a service, reads its standard and sees the unit's published IKM.
registry.category("web_tour.tours").add("sop_public_citizen_tour", {
    url: "/layanan",
    steps: () => [
        {
            content: "Look for the service",
            trigger: "input#o_sop_layanan_search",
            run: "edit reklame",
        },
        {
            content: "Only the matching service is shown; open it",
            trigger: ".o_sop_layanan_service:not(.d-none) a:contains('Izin Reklame')",
            run: "click",
        },
        {
            content: "The standard's requirements are shown",
            trigger: ".o_sop_standard_component[data-component='requirements']:contains('Kartu Tanda Penduduk')",
        },
        {
            content: "The service time is shown",
            trigger: ".o_sop_standard_component[data-component='time']",
        },
        {
            content: "The unit's maklumat is shown",
            trigger: ".o_sop_maklumat",
        },
        {
            content: "The unit's latest published IKM; open its results",
            trigger: ".o_sop_layanan_ikm a.o_sop_layanan_ikm_link",
            run: "click",
        },
        {
            content: "The published results of the unit: nine elements",
            trigger: ".o_sop_skm_elements tbody tr[data-element='U9']",
        },
    ],
});
