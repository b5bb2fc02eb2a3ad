/** @odoo-module **/
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** Steps of the administrator's way to the setup checklist: SOP app › Configuration › Setup Checklist. */
export function openSetupChecklistSteps() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the SOP app",
            trigger: ".o_app[data-menu-xmlid='sop_organisasi.sop_root_menu']",
            run: "click",
        },
        {
            content: "Open the configuration menu",
            trigger: "button[data-menu-xmlid='sop_organisasi.sop_configuration_menu']",
            run: "click",
        },
        {
            content: "Open the setup checklist",
            trigger: "a[data-menu-xmlid='sop_organisasi.sop_setup_item_menu']",
            run: "click",
        },
    ];
}
