/** @odoo-module **/
import { registry } from "@web/core/registry";

// The job data of an OPD for a year, from the liaison who fills it in to the Kabag who approves it
// (ANJAB/ABK, SOP 1 of the decree): one tour per role.
const openJobData = (opd) => [
    {
        content: "Open the job data of the OPD",
        trigger: `.o_data_row td:contains('${opd}')`,
        run: "click",
    },
    {
        content: "The job data form",
        trigger: ".o_form_view div[name='sheet_ids']",
    },
];

registry.category("web_tour.tours").add("sop_jabatan_liaison_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_analysis_action",
    steps: () => [
        ...openJobData("Dinas Tur Jabatan"),
        {
            content: "Open the posts of the job data",
            trigger: "button[name='action_open_sheets']",
            run: "click",
        },
        {
            content: "Open the post to fill in",
            trigger: ".o_view_controller.o_list_view .o_data_row td[name='name']:contains('Pengolah Data Tur')",
            run: "click",
        },
        {
            content: "The tasks and their workload",
            trigger: ".o_notebook a[name='tasks']",
            run: "click",
        },
        {
            content: "Add a task",
            trigger: "div[name='task_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The task",
            trigger: "div[name='task_ids'] .o_selected_row td[name='name'] input",
            run: "edit Mengolah data kepegawaian",
        },
        {
            content: "Its annual volume",
            trigger: "div[name='task_ids'] .o_selected_row td[name='volume'] input",
            run: "edit 120",
        },
        {
            content: "Its standard time",
            trigger: "div[name='task_ids'] .o_selected_row td[name='standard_time'] input",
            run: "edit 4",
        },
        {
            content: "In hours",
            trigger: "div[name='task_ids'] .o_selected_row td[name='time_unit'] select",
            run: 'select "hours"',
        },
        {
            content: "Save the post",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the workload is 120 x 240 minutes",
            trigger: ".o_form_saved",
        },
        {
            content: "The staff needed follows",
            trigger: ".o_notebook a[name='abk']",
            run: "click",
        },
        {
            content: "28,800 minutes a year",
            trigger: "div[name='workload_minutes']:contains('28.800')",
        },
        {
            content: "Back to the job data",
            trigger: ".o_breadcrumb .breadcrumb-item:not(.active) a:contains('Dinas Tur Jabatan')",
            run: "click",
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

registry.category("web_tour.tours").add("sop_jabatan_staff_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_analysis_action",
    steps: () => [
        ...openJobData("Dinas Tur Jabatan"),
        {
            content: "The division verifies the submitted job data",
            trigger: ".o_statusbar_buttons button[name='action_verify']",
            run: "click",
        },
        {
            content: "Under review: waiting for the Kabag",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='review']",
        },
        {
            content: "Print the peta jabatan",
            trigger: ".o_statusbar_buttons button[name='action_peta_jabatan_pdf']",
            run: "click",
        },
        {
            content: "The report was asked (still on the form)",
            trigger: ".o_form_view .o_statusbar_status",
        },
    ],
});

registry.category("web_tour.tours").add("sop_jabatan_kabag_tour", {
    url: "/odoo/action-sop_jabatan.sop_jabatan_analysis_action",
    steps: () => [
        ...openJobData("Dinas Tur Jabatan"),
        {
            content: "The Kabag approves (his tier)",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Effective",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='effective']",
        },
    ],
});
