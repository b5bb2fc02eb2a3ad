/** @odoo-module **/
import { registry } from "@web/core/registry";

// Division staff: the home action opens the dashboard; a late step opens from it.
registry.category("web_tour.tours").add("sop_start_page_division_tour", {
    steps: () => [
        {
            content: "The start page is the SOP dashboard",
            trigger: ".o_sop_dashboard .o_sop_dashboard_counters .o_sop_dashboard_tile",
        },
        {
            content: "Running cases by step are listed",
            trigger: ".o_sop_dashboard_steps_by_step .o_sop_dashboard_row",
        },
        {
            content: "Open the late step",
            trigger: ".o_sop_dashboard_late_steps .o_sop_dashboard_row:contains('Tour Late Case')",
            run: "click",
        },
        {
            content: "The case step opens, in progress",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
        {
            content: "It can be finished from here",
            trigger: ".o_form_view button[name='action_finish'], .o_form_view button[name='action_answer_yes']",
        },
    ],
});

// OPD liaison: the home action opens "My Cases and Activities"; the liaison opens its step.
registry.category("web_tour.tours").add("sop_start_page_liaison_tour", {
    steps: () => [
        {
            content: "The start page lists my cases and activities",
            trigger: ".o_breadcrumb:contains('My Cases and Activities')",
        },
        {
            content: "Open the step waiting for the OPD",
            trigger: ".o_list_view .o_data_row td[name='case_id']:contains('Tour Liaison Case')",
            run: "click",
        },
        {
            content: "The step is the liaison's, in progress",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
        {
            content: "The liaison can finish it",
            trigger: ".o_form_view button[name='action_finish']",
        },
    ],
});

// The case step deadlines on the calendar; a late step is red.
registry.category("web_tour.tours").add("sop_step_calendar_tour", {
    url: "/odoo/sop-deadlines",
    steps: () => [
        {
            content: "The calendar shows the late step in red",
            trigger: ".o_calendar_renderer .fc-event.o_calendar_color_1",
        },
        {
            content: "Select it",
            trigger: ".o_calendar_renderer .fc-event.o_calendar_color_1",
            run: "click",
        },
        {
            content: "Open it",
            trigger: ".o_cw_popover .o_cw_popover_edit",
            run: "click",
        },
        {
            content: "The step opens",
            trigger: ".o_form_view .o_field_widget[name='code']",
        },
    ],
});
