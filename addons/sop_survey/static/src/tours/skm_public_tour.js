/** @odoo-module **/
import { registry } from "@web/core/registry";

function pick(attribute, code, position) {
    return {
        content: `Answer ${code}`,
        trigger: `.o_skm_question[data-${attribute}='${code}'] .d-grid > label:${position}`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("sop_skm_public_tour", {
    steps: () => [
        {
            content: "The unit of the link is preselected",
            trigger: ".o_skm_unit_name:contains('Loket Perizinan Uji')",
        },
        pick("skm-profile", "gender", "first-of-type"),
        {
            content: "Age",
            trigger: ".o_skm_question[data-skm-profile='age'] input",
            run: "edit 35",
        },
        pick("skm-profile", "education", "last-child"),
        pick("skm-profile", "occupation", "first-of-type"),
        ...["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"].map((code) =>
            pick("skm-element", code, "last-child")
        ),
        {
            content: "Suggestion",
            trigger: ".o_skm_question[data-skm-profile='suggestion'] textarea",
            run: "edit Pelayanan sudah cepat",
        },
        {
            content: "Submit",
            trigger: "button.o_skm_submit",
            run: "click",
        },
        {
            content: "Thank-you page",
            trigger: ".o_skm_thanks:contains('Terima kasih')",
        },
    ],
});
