/** @odoo-module **/
import { registry } from "@web/core/registry";

// The administrator of a new city creates the first SKM period (with a unit and its population)
// and a follow-up plan, with the forms' "New" and "Save" buttons.
registry.category("web_tour.tours").add("skm_new_records_tour", {
    url: "/odoo/action-sop_survey.sop_skm_period_action",
    steps: () => [
        {
            content: "New survey period",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Year of the period",
            trigger: ".o_form_editable div[name='year'] input",
            run: "edit 2027",
        },
        {
            content: "Add a unit to the period",
            trigger: "div[name='population_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the unit",
            trigger: "div[name='population_ids'] .o_selected_row td[name='unit_id'] input",
            run: "edit Loket Tur",
        },
        {
            content: "Pick it from the list",
            trigger: ".o-autocomplete--dropdown-item a:contains('Loket Tur')",
            run: "click",
        },
        {
            content: "Its population",
            trigger: "div[name='population_ids'] .o_selected_row td[name='population'] input",
            run: "edit 1200",
        },
        {
            content: "Save the period",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The period is saved and open",
            trigger: ".o_form_saved .o_statusbar_status button.o_arrow_button_current[data-value='open']",
        },
        {
            content: "Its name follows the year",
            trigger: ".o_breadcrumb .active:contains('SKM 2027 Semester I')",
        },
        {
            content: "Open the SKM menu",
            trigger: "button[data-menu-xmlid='sop_survey.sop_skm_menu']",
            run: "click",
        },
        {
            content: "Open the follow-up plans",
            trigger: "a[data-menu-xmlid='sop_survey.sop_skm_followup_menu']",
            run: "click",
        },
        {
            content: "New follow-up plan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Unit and period",
            trigger: ".o_form_editable div[name='population_id'] input",
            run: "edit SKM 2027",
        },
        {
            content: "Pick the unit of the new period",
            trigger: ".o-autocomplete--dropdown-item a:contains('Loket Tur')",
            run: "click",
        },
        {
            content: "The weak element",
            trigger: "div[name='element'] select",
            run: "selectByIndex 1",
        },
        {
            content: "The improvement action",
            trigger: "div[name='name'] textarea",
            run: "edit Menambah petugas loket pada jam sibuk",
        },
        {
            content: "The deadline",
            trigger: "div[name='deadline'] input",
            run: "edit 2027-06-30",
        },
        {
            content: "Save the plan",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The plan is saved as planned",
            trigger: ".o_form_saved .o_statusbar_status button.o_arrow_button_current[data-value='draft']",
        },
    ],
});
