/** @odoo-module **/
import { registry } from "@web/core/registry";

// The OPD's liaison fills in the service standard a case opened (Standar Pelayanan, Permenpan RB
// 15/2014): a requirement line, the procedure, the time, the product, the complaint channels, the
// management components; saves it and submits it to the division.
const text = (name, value) => ({
    content: `Fill in ${name}`,
    trigger: `.o_form_editable div[name='${name}'] textarea`,
    run: `edit ${value}`,
});

registry.category("web_tour.tours").add("sop_service_standard_liaison_tour", {
    url: "/odoo/action-sop_survey.sop_service_standard_action",
    steps: () => [
        {
            content: "Open the draft of the service",
            trigger: ".o_data_row td:contains('Izin Tur')",
            run: "click",
        },
        {
            content: "Add a requirement",
            trigger: "div[name='requirement_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The requirement",
            trigger: "div[name='requirement_ids'] .o_selected_row td[name='name'] input",
            run: "edit KTP asli",
        },
        text("procedure_text", "Pemohon mendaftar, petugas memeriksa, izin diserahkan."),
        {
            content: "Service time",
            trigger: ".o_form_editable div[name='duration_qty'] input",
            run: "edit 2",
        },
        {
            content: "Its unit",
            trigger: ".o_form_editable div[name='duration_unit'] select",
            run: 'select "day"',
        },
        text("product", "Surat izin"),
        text("complaint_channels", "SP4N-LAPOR!"),
        {
            content: "The management components",
            trigger: ".o_notebook a[name='management']",
            run: "click",
        },
        {
            content: "Add a regulation",
            trigger: "div[name='legal_line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The regulation",
            trigger: "div[name='legal_line_ids'] .o_selected_row td[name='name'] input",
            run: "edit Undang-Undang Nomor 25 Tahun 2009",
        },
        text("facilities", "Ruang tunggu"),
        text("staff_competence", "SMA/sederajat, pelatihan pelayanan prima"),
        text("internal_supervision", "Kepala bidang"),
        {
            content: "Number of staff",
            trigger: ".o_form_editable div[name='staff_count'] input",
            run: "edit 3",
        },
        text("service_guarantee", "Selesai tepat waktu"),
        text("safety_guarantee", "CCTV"),
        text("performance_evaluation", "Setiap semester"),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Submit to the division",
            trigger: ".o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// The Kabag approves a service standard the division has verified: the tier's Validate button on
// its form makes it effective.
registry.category("web_tour.tours").add("sop_service_standard_kabag_tour", {
    url: "/odoo/action-sop_survey.sop_service_standard_action",
    steps: () => [
        {
            content: "Open the standard waiting for approval",
            trigger: ".o_data_row:contains('Izin Kabag Tur') td[name='service_id']",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "It is effective",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='effective']",
        },
    ],
});
