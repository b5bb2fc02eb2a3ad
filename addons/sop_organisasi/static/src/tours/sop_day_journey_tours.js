/** @odoo-module **/
import { registry } from "@web/core/registry";

// Division staff: from his desk on the start page, finish a step and land on the next one.
registry.category("web_tour.tours").add("sop_staff_finish_step_tour", {
    steps: () => [
        {
            content: "My desk lists my step in progress",
            trigger: ".o_sop_dashboard_my_desk .o_sop_dashboard_row:contains('Tour Staff Case')",
            run: "click",
        },
        {
            content: "Step A.1 opens",
            trigger: ".o_form_view .o_field_widget[name='code']:contains('A.1')",
        },
        {
            content: "Finish it",
            trigger: ".o_form_view button[name='action_finish']",
            run: "click",
        },
        {
            content: "What happened is said",
            trigger: ".o_notification:contains('Step A.1 is done'):contains('Next: step A.2')",
        },
        {
            content: "The next step, mine too, is open",
            trigger: ".o_form_view .o_field_widget[name='code']:contains('A.2')",
        },
        {
            content: "in progress",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
    ],
});

// The Kabag: his desk shows the SOP waiting for his signature; one click approves it.
registry.category("web_tour.tours").add("sop_kabag_desk_tour", {
    steps: () => [
        {
            content: "The desk counts what waits for my approval",
            trigger: ".o_sop_dashboard_my_desk:contains('Waiting for my approval: 1')",
        },
        {
            content: "Approve the SOP in one click",
            trigger:
                ".o_sop_dashboard_my_desk .o_sop_dashboard_row:contains('Tour SOP Menunggu Kabag') .o_sop_dashboard_button_validate_tier",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_notification:contains('Approved')",
        },
        {
            content: "Nothing waits any more",
            trigger: ".o_sop_dashboard_my_desk:contains('Waiting for my approval: 0')",
        },
    ],
});

// Staff writing a new SOP: sections, steps and a decision with its return step, saved once.
const stepRow = ".o_field_widget[name='step_ids'] .o_selected_row";

function addStep(name, kind, returnCode) {
    const steps = [
        {
            content: `Add step '${name}'`,
            trigger: ".o_field_widget[name='step_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Its section by code",
            trigger: `${stepRow} .o_field_widget[name='section_label'] input`,
            run: "edit A",
        },
        {
            content: "Its activity",
            trigger: `${stepRow} .o_field_widget[name='name'] textarea`,
            run: `edit ${name}`,
        },
        {
            content: "Its actor",
            trigger: `${stepRow} .o_field_widget[name='role_id'] input`,
            run: "edit Staf Uji",
        },
        {
            content: "Pick the actor",
            trigger: ".o-autocomplete--dropdown-item:contains('Staf Uji')",
            run: "click",
        },
        {
            content: "Its symbol",
            trigger: `${stepRow} .o_field_widget[name='kind'] select`,
            run: `select "${kind}"`,
        },
    ];
    if (returnCode) {
        steps.push({
            content: "The decision's return step, by its number, before saving",
            trigger: `${stepRow} .o_field_widget[name='return_step_code'] input`,
            run: `edit ${returnCode}`,
        });
    }
    return steps;
}

registry.category("web_tour.tours").add("sop_new_sop_one_pass_tour", {
    steps: () => [
        {
            content: "Name the SOP",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour SOP Satu Kali Simpan",
        },
        {
            content: "Its unit",
            trigger: ".o_field_widget[name='unit_id'] input",
            run: "edit Bagian Uji",
        },
        {
            content: "Pick the unit",
            trigger: ".o-autocomplete--dropdown-item:contains('Bagian Uji')",
            run: "click",
        },
        {
            content: "Its executor role",
            trigger: ".o_field_widget[name='role_ids'] input",
            run: "edit Staf Uji",
        },
        {
            content: "Pick the role",
            trigger: ".o-autocomplete--dropdown-item:contains('Staf Uji')",
            run: "click",
        },
        {
            content: "Add a section",
            trigger: ".o_field_widget[name='section_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Section code",
            trigger: ".o_field_widget[name='section_ids'] .o_selected_row .o_field_widget[name='code'] input",
            run: "edit A",
        },
        {
            content: "Section title",
            trigger: ".o_field_widget[name='section_ids'] .o_selected_row .o_field_widget[name='name'] input",
            run: "edit PERSIAPAN",
        },
        ...addStep("Menyiapkan bahan", "start"),
        ...addStep("Menyusun konsep", "process"),
        ...addStep("Memeriksa konsep", "decision", "A.2"),
        ...addStep("Mengirim surat", "end"),
        {
            content: "Four rows before the first save: the decision row was not overwritten",
            trigger: ".o_field_widget[name='step_ids'] .o_data_row:nth-child(3) td[name='name']:contains('Memeriksa konsep')",
        },
        {
            content: "and the fourth row is being edited",
            trigger: ".o_field_widget[name='step_ids'] .o_data_row:nth-child(4).o_selected_row",
        },
        {
            content: "Save once",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the decision returns to A.2",
            trigger: ".o_form_saved .o_field_widget[name='step_ids'] .o_data_row td[name='return_step_code']:contains('A.2')",
        },
        {
            content: "The flowchart shows the step numbers",
            trigger: ".o_notebook a[name='flowchart'], .o_notebook .nav-link:contains('Flowchart')",
            run: "click",
        },
        {
            content: "numbered symbols",
            trigger: ".o_sop_flowchart text.code:contains('A.3')",
        },
    ],
});
