/** @odoo-module **/
import { registry } from "@web/core/registry";

function setValue(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("sinovik_portal_tour", {
    url: "/my/sinovik",
    steps: () => [
        {
            content: "Name the new innovation",
            trigger: "#sinovik_new_title",
            run: "edit Layanan Adminduk Jemput Bola",
        },
        {
            content: "Create the proposal",
            trigger: "button.o_sinovik_new",
            run: "click",
        },
        {
            content: "The proposal form shows the sections of the competition",
            trigger: ".o_sinovik_portal_form h3:contains('Layanan Adminduk Jemput Bola')",
        },
        {
            content: "Start of implementation",
            trigger: "#sinovik_start_date",
            run() {
                setValue(this.anchor, "2024-02-01");
            },
        },
        {
            content: "Video link",
            trigger: "#sinovik_video",
            run: "edit https://youtu.be/jemput-bola",
        },
        {
            content: "Pick the group",
            trigger: "#sinovik_group",
            run() {
                setValue(this.anchor, this.anchor.options[1].value);
            },
        },
        {
            content: "Pick the category",
            trigger: "#sinovik_category",
            run() {
                setValue(this.anchor, this.anchor.options[1].value);
            },
        },
        {
            content: "Link SDG 16",
            trigger: ".form-check-label:contains('16. Peace, Justice and Strong Institutions')",
            run: "click",
        },
        {
            content: "Write the summary, too long for its limit of 10 words",
            trigger: "textarea.o_sinovik_words:first",
            run: "edit Petugas datang ke rumah warga untuk merekam data dan menyerahkan dokumen kependudukan yang sudah jadi",
        },
        {
            content: "The live word counter shows the overflow",
            trigger: ".o_sinovik_section:first .o_sinovik_word_count.text-danger:contains('15')",
        },
        {
            content: "Shorten the summary",
            trigger: "textarea.o_sinovik_words:first",
            run: "edit Petugas merekam data dan mengantar dokumen ke rumah warga.",
        },
        {
            content: "Write the novelty",
            trigger: "textarea.o_sinovik_words:last",
            run: "edit Jemput bola dengan aplikasi.",
        },
        {
            content: "Attach the statement of implementation",
            trigger: "input[type='file'][name^='document_']",
            run() {
                const file = new File(["%PDF-1.4\n% tour\n"], "pernyataan.pdf", { type: "application/pdf" });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Submit the proposal",
            trigger: "button.o_sinovik_submit",
            run: "click",
        },
        {
            content: "The proposal is submitted and locked",
            trigger: ".o_sinovik_message:contains('submitted')",
        },
        {
            content: "No submit button any more",
            trigger: ".o_sinovik_portal_form:not(:has(button.o_sinovik_submit))",
        },
    ],
});
