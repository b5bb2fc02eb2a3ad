/** @odoo-module **/
import { registry } from "@web/core/registry";
import { listView } from "@web/views/list/list_view";
import { ListController } from "@web/views/list/list_controller";

/**
 * The administrator's setup checklist: above the items, how many are done ("3 of 10 done") and a
 * button opening the screen of the next item to do. The items' state is computed live by the
 * server, so coming back to the list (breadcrumb) recounts.
 */
export class SopSetupChecklistController extends ListController {
    static template = "sop_organisasi.SetupChecklistListView";

    get setupProgress() {
        const records = this.model.root.records;
        const done = records.filter((record) => record.data.state === "done").length;
        const next = records.find((record) => record.data.state !== "done");
        return { done, total: records.length, next };
    }

    async openNextSetupItem() {
        const next = this.setupProgress.next;
        if (!next) {
            return;
        }
        await this.actionService.doActionButton({
            type: "object",
            name: "action_open",
            resModel: next.resModel,
            resId: next.resId,
            resIds: [next.resId],
            context: next.context,
            onClose: () => this.model.root.load(),
        });
    }
}

registry.category("views").add("sop_setup_checklist", {
    ...listView,
    Controller: SopSetupChecklistController,
});
