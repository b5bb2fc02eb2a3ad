/** @odoo-module **/
import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { formatFloat } from "@web/core/utils/numbers";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";

/**
 * Start page of the Organization Division. The server (sop.dashboard) decides
 * what is shown: sections of tiles or tables whose rows carry the action they open.
 */
export class SopDashboard extends Component {
    static template = "sop_organisasi.SopDashboard";
    static components = { Layout };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.notification = useService("notification");
        this.state = useState({ sections: [] });
        onWillStart(() => this.load());
    }

    async load() {
        const data = await this.orm.call("sop.dashboard", "get_dashboard_data", []);
        this.state.sections = data.sections;
    }

    barWidth(value) {
        return Math.max(0, Math.min(Number(value) || 0, 100));
    }

    percent(value) {
        return `${Math.round(Number(value) || 0)}%`;
    }

    /** Numbers in the user's language ("90,28"); whole numbers such as years stay as they are ("2026"). */
    display(value) {
        if (typeof value !== "number") {
            return value;
        }
        return Number.isInteger(value) ? String(value) : formatFloat(value, { digits: [16, 2] });
    }

    /** One click on a row's button (e.g. Approve): run it, tell what happened, reload the page. */
    async runButton(button) {
        const result = await this.orm.call(button.model, button.method, [[button.id]]);
        if (result && typeof result === "object" && result.type) {
            await this.action.doAction(result, { onClose: () => this.load() });
        } else {
            this.notification.add(button.done || _t("Done."), { type: "success" });
        }
        await this.load();
    }

    open(item) {
        if (item.action) {
            this.action.doAction(item.action);
        }
    }
}

registry.category("actions").add("sop_organisasi.dashboard", SopDashboard);
