/** @odoo-module **/
import { registry } from "@web/core/registry";

// An OPD liaison (portal user) finds SINOVIK on his portal home, before and after his first proposal.
registry.category("web_tour.tours").add("sop_liaison_journey_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home shows the SINOVIK tile",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/sinovik']",
            run: "click",
        },
        {
            content: "The OPD's proposals are listed",
            trigger: ".o_sinovik_portal_list a:contains('Inovasi Jemput Bola Tur')",
            run: "click",
        },
        {
            content: "The proposal opens",
            trigger: ".o_sinovik_portal_form h3:contains('Inovasi Jemput Bola Tur')",
        },
    ],
});

// A juror (portal user): a stage that has not started says why and when; an open stage is scored.
registry.category("web_tour.tours").add("sop_juror_journey_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home shows the jury tile",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/sinovik/jury']",
            run: "click",
        },
        {
            content: "Open the scoring of the stage that has not started",
            trigger: "tr:contains('Presentasi') a:contains('Inovasi Juri Tur')",
            run: "click",
        },
        {
            content: "The locked scoring says why: the stage starts later",
            trigger: ".o_sinovik_locked:contains('has not started yet'):contains('it starts on')",
        },
        {
            content: "Nothing can be entered",
            trigger: ".o_sinovik_scoring fieldset:disabled",
        },
        {
            content: "Back to my evaluations",
            trigger: "a[href='/my/sinovik/jury']",
            run: "click",
        },
        {
            content: "Open the scoring of the open stage",
            trigger: "tr:contains('Desk Evaluation') a:contains('Inovasi Juri Tur')",
            run: "click",
        },
        {
            content: "Score the first criterion",
            trigger: ".o_sinovik_scoring tbody tr:eq(0) input[type='number']",
            run: "edit 4",
        },
        {
            content: "Score the second criterion",
            trigger: ".o_sinovik_scoring tbody tr:eq(1) input[type='number']",
            run: "edit 5",
        },
        {
            content: "Submit the scores",
            trigger: ".o_sinovik_scoring button[value='submit']",
            run: "click",
        },
        {
            content: "The scores are submitted: (4 x 2 + 5 x 3) / 25 x 100 = 92",
            trigger: ".o_sinovik_message:contains('Your scores have been submitted.')",
        },
        {
            content: "The total is shown",
            trigger: ".o_sinovik_total:contains('92')",
        },
    ],
});

// A citizen on a phone taps "Kirim Jawaban" twice: one answer, the thank-you page.
registry.category("web_tour.tours").add("sop_skm_phone_double_tap_tour", {
    steps: () => [
        ...registry
            .category("web_tour.tours")
            .get("sop_skm_public_tour")
            .steps()
            .filter((step) => step.trigger !== "button.o_skm_submit" && !step.trigger.includes("o_skm_thanks")),
        {
            content: "Count the forms the browser really sends",
            trigger: "form.o_skm_form",
            run() {
                sessionStorage.setItem("sop_skm_sent", "0");
                window.addEventListener("submit", (ev) => {
                    if (!ev.defaultPrevented) {
                        const sent = Number(sessionStorage.getItem("sop_skm_sent")) + 1;
                        sessionStorage.setItem("sop_skm_sent", String(sent));
                    }
                });
            },
        },
        {
            content: "Double tap on the submit button",
            trigger: "button.o_skm_submit",
            run: "dblclick",
        },
        {
            content: "Thank-you page, not an error; the form was sent once",
            trigger: ".o_skm_thanks:contains('Terima kasih')",
            run() {
                const sent = sessionStorage.getItem("sop_skm_sent");
                if (sent !== "1") {
                    throw new Error(`the form was sent ${sent} times`);
                }
            },
        },
    ],
});
