/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sop_library_tour", {
    url: "/odoo/action-sop_organisasi.sop_procedure_action",
    steps: () => [
        {
            content: "Search the SKJ SOP by its number",
            trigger: ".o_searchview_input",
            run: "edit 065/SOP/417.112/02",
        },
        {
            content: "Validate the search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open the SKJ SOP",
            trigger: ".o_data_row td[name='name']:contains('PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)')",
            run: "click",
        },
        {
            content: "The SOP is effective",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Effective')",
        },
        {
            content: "The procedure lists the steps with their actors",
            trigger: ".o_field_widget[name='step_ids'] .o_data_row td[name='name']:contains('Tim melakukan identifikasi kompetensi dan analisa data')",
        },
        {
            content: "The revise button is offered",
            trigger: "button[name='action_revise']",
            run: "click",
        },
        {
            content: "A new draft revision opens",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Draft')",
        },
        {
            content: "It is revision 2",
            trigger: ".o_field_widget[name='revision_display']:contains('02/')",
        },
    ],
});
