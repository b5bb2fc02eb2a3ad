/** @odoo-module **/
import { Component, onWillStart, useState } from "@odoo/owl";
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

    open(item) {
        if (item.action) {
            this.action.doAction(item.action);
        }
    }
}

registry.category("actions").add("sop_organisasi.dashboard", SopDashboard);
