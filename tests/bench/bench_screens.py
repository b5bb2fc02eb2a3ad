#!/usr/bin/env python3
"""Screen benchmark over HTTP (issue 19): what each role's screens cost on the city data set.

Starts an Odoo server (``--workers=0``, no cron) on a database filled by
tests/bench/city_data.py, logs in as each role (division staff, Kabag, SOP
administrator, OPD liaison, SINOVIK juror) through ``/web/session/authenticate``
and replays what the web client sends when each screen opens:

* the start page (``sop.dashboard.get_dashboard_data``) and the lists its counters open
  (running cases, steps in progress, late steps, waiting for approval);
* every menu of the SOP, SKM and SINOVIK apps the user sees: ``/web/action/load``,
  ``get_views``, then the default view's data as the view asks for it: list/kanban
  ``web_search_read`` (the arch's fields, first page, with the count; the default
  filters and group-bys of the action applied: ``web_read_group`` when grouped),
  pivot ``read_group`` for every row x column prefix, graph ``web_read_group``,
  calendar ``web_search_read`` of the current month;
* forms with their one2many and their chatter: the SKJ SOP (26 steps), a running case
  and its current step;
* reports: the SOP PDF and XLSX, the SKM report PDF and XLSX of a unit and period,
  the SINOVIK recap XLSX (button + download);
* the public SKM form (GET + POST, through the unit's activated kiosk).

Each screen runs once to warm up, then ``--runs`` times. The table shows p50 and p95 of
the whole screen (its calls one after the other), the p95 of its slowest call, the SQL
queries and their time (from the server's request log: ``... 200 - <queries> <query time> <other time>``)
and the bound of one call (1 s; PDF 3 s; XLSX 5 s). Exit status 1 when a bound fails
(``--no-fail``: always 0).

Then the CPU time of the server per public submission (``--submissions`` each): our SKM
form (GET + POST) against Odoo's own survey with the same questions
(``/survey/start/<token>`` -> page -> ``/survey/begin`` -> ``/survey/submit``),
read from /proc/<pid>/stat of the server process.

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_screens.py [--db city5y] [--runs 5] [--port 18182]
        [--roles staff,kabag,admin,liaison,juror] [--only TEXT] [--submissions 200] [--no-fail]
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from datetime import date
from datetime import datetime
from datetime import timedelta
from types import SimpleNamespace

from benchlib import PROJECT
from benchlib import load_registry
from benchlib import odoo_args
from benchlib import shell

ROLES = {
    "staff": "bench_staff",
    "kabag": "bench_kabag",
    "admin": "bench_admin",
    "liaison": "bench_liaison",
    "juror": "bench_juror",
}
BOUNDS = {"call": 1.0, "pdf": 3.0, "xlsx": 5.0}
APPS = ("sop_organisasi.", "sop_survey.")
REQUEST_LINE = re.compile(r'werkzeug: .*"(?:GET|POST) (\S+) HTTP/[0-9.]+" (\d+) - (\d+) ([0-9.]+) ([0-9.]+)')


# ---------------------------------------------------------------------------- server
class Server:
    """``python odoo-bin`` on the database (single process), its log read after each request."""

    def __init__(self, db, port, password):
        self.db, self.port, self.password = db, port, password
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = f"/tmp/bench_screens_{port}.log"
        self.process = None
        self.log = None

    def __enter__(self):
        import requests  # noqa: PLC0415

        odoo_bin = shell('echo "$ODOO_DIR/odoo-bin"')
        open(self.log_path, "w").close()
        self.process = subprocess.Popen(
            [
                sys.executable,
                odoo_bin,
                *odoo_args(self.db),
                f"--db-filter=^{self.db}$",
                "--http-port",
                str(self.port),
                "--workers=0",
                "--max-cron-threads=0",
                "--log-level=info",
                "--logfile",
                self.log_path,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _i in range(180):
            try:
                if requests.get(f"{self.base}/web/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"the Odoo server stopped (log: {self.log_path})")
            time.sleep(1)
        else:
            raise RuntimeError(f"the Odoo server did not start (log: {self.log_path})")
        self.log = open(self.log_path)
        self.log.seek(0, 2)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def cpu(self):
        """User + system CPU seconds of the server process (all its threads)."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def queries(self, path):
        """Queries and their seconds of the last request to ``path`` (its request log line);
        ``(None, 0.0)`` if not logged."""
        deadline = time.monotonic() + 2.0
        found = None
        while True:
            for line in self.log.readlines():
                match = REQUEST_LINE.search(line)
                if match and match.group(1).split("?")[0] == path.split("?")[0]:
                    found = (int(match.group(3)), float(match.group(4)))
            if found is not None or time.monotonic() > deadline:
                return found or (None, 0.0)
            time.sleep(0.01)


# ---------------------------------------------------------------------------- client
class Client:
    """A logged-in browser session of one role."""

    def __init__(self, server, login):
        import requests  # noqa: PLC0415

        self.server = server
        self.session = requests.Session()
        self.login = login
        result = self.json(
            "/web/session/authenticate",
            {"db": server.db, "login": login, "password": server.password},
            record=False,
        )
        self.uid = result["uid"]
        self.context = dict(result["user_context"], bin_size=True)
        self.calls = []

    def record(self, label, path, started):
        elapsed = time.perf_counter() - started
        self.calls.append((label, elapsed, *self.server.queries(path)))

    def json(self, path, params, label=None, record=True):
        started = time.perf_counter()
        response = self.session.post(
            f"{self.server.base}{path}",
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
            timeout=600,
        )
        response.raise_for_status()
        body = response.json()
        if record:
            self.record(label or path, path, started)
        if "error" in body:
            error = body["error"].get("data", {}).get("message") or body["error"]
            raise RuntimeError(f"{path} {label or ''}: {error}")
        return body["result"]

    def call(self, model, method, args=(), kwargs=None, label=None):
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", self.context)
        return self.json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            label=label or f"{model}.{method}",
        )

    def get(self, path, label=None, **kwargs):
        started = time.perf_counter()
        response = self.session.get(f"{self.server.base}{path}", timeout=600, **kwargs)
        self.record(label or path, path, started)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")
        return response

    def post(self, path, data, label=None):
        started = time.perf_counter()
        response = self.session.post(f"{self.server.base}{path}", data=data, timeout=600, allow_redirects=False)
        self.record(label or path, path, started)
        return response


# ---------------------------------------------------------------------------- arch -> requests
def eval_context(client):
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    from odoo.tools.safe_eval import datetime as safe_datetime  # noqa: PLC0415
    from odoo.tools.safe_eval import time as safe_time  # noqa: PLC0415

    today = date.today()
    return {
        "uid": client.uid,
        "context": client.context,
        "context_today": lambda: today,
        "current_date": today.isoformat(),
        "today": today.isoformat(),
        "now": datetime.now(),
        "datetime": safe_datetime,
        "time": safe_time,
        "relativedelta": relativedelta,
        "allowed_company_ids": client.context.get("allowed_company_ids", []),
        "active_id": False,
        "active_ids": [],
    }


def evaluate(text, client, default):
    from odoo.tools.safe_eval import safe_eval  # noqa: PLC0415

    if not text:
        return default
    if not isinstance(text, str):
        return text
    return safe_eval(text, eval_context(client))


def field_spec(name, fields_info, node=None, models=None):
    """What the web client reads of a field: relations by their display name, inline lists by their fields."""
    info = fields_info.get(name, {})
    kind = info.get("type")
    if kind in ("one2many", "many2many") and node is not None and models is not None:
        sub = next((child for child in node if child.tag in ("list", "tree")), None)
        if sub is not None and not (node.get("widget") or "").startswith("many2many_tags"):
            entry = models.get(info.get("relation"), {})
            return {"fields": arch_spec(sub, entry.get("fields", entry), models), "limit": 40, "order": ""}
    if kind in ("many2one", "one2many", "many2many"):
        return {"fields": {"display_name": {}}}
    return {}


def arch_spec(arch, fields_info, models=None):
    """Specification of the fields of an arch (x2many subviews read with their own fields)."""
    spec = {}

    def walk(node):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "field":
                name = child.get("name")
                if name in fields_info:
                    spec[name] = field_spec(name, fields_info, child, models)
                continue  # the subviews of an x2many are its own
            walk(child)

    walk(arch)
    return spec


def parse(arch):
    from lxml import etree  # noqa: PLC0415

    return etree.fromstring(arch.encode())


def model_fields(views_result, model):
    models = views_result["models"]
    entry = models.get(model, {})
    return entry.get("fields", entry)


def search_nodes(search_arch):
    """The filters (with their group: separators split groups) and fields of a search view, by name."""
    group_index, by_name = 0, {}
    for node in search_arch.iter():
        if node.tag == "separator":
            group_index += 1
        elif node.tag == "filter" and node.get("name"):
            by_name[node.get("name")] = ("filter", node, group_index)
        elif node.tag == "field" and node.get("name"):
            by_name[node.get("name")] = ("field", node, ("field", node.get("name")))
    return by_name


def default_search(search_arch, context, client):
    """Domain and group-by of the action's ``search_default_*`` filters (OR within a group, AND across)."""
    from odoo.osv import expression  # noqa: PLC0415

    if search_arch is None:
        return [], []
    by_name = search_nodes(search_arch)
    groups, group_by = {}, []
    for key, value in context.items():
        name = key[len("search_default_") :]
        if not key.startswith("search_default_") or not value or name not in by_name:
            continue
        kind, node, index = by_name[name]
        if kind == "filter":
            gb = evaluate(node.get("context"), client, {}).get("group_by")
            group_by.extend(gb if isinstance(gb, list) else [gb] if gb else [])
            domain = evaluate(node.get("domain"), client, [])
        else:
            text = node.get("filter_domain")
            domain = evaluate(text.replace("self", repr(value)), client, []) if text else [(name, "=", value)]
        if domain:
            groups.setdefault(index, []).append(domain)
    return expression.AND([expression.OR(parts) for parts in groups.values()]) if groups else [], group_by


def sections(items):
    return [items[:i] for i in range(len(items) + 1)]


def measure_specs(arch, fields_info, graph=False):
    measures = []
    for node in arch.iter("field"):
        if node.get("type") == "measure" and node.get("invisible") not in ("1", "True"):
            name = node.get("name")
            aggregator = fields_info.get(name, {}).get("aggregator") or "sum"
            measures.append(f"{name}:{aggregator}")
    if graph:
        return measures[:1] or ["__count"]
    return measures or ["__count"]


def groupbys(arch, kind):
    result = []
    for node in arch.iter("field"):
        if node.get("type") == kind:
            name = node.get("name")
            result.append(f"{name}:{node.get('interval')}" if node.get("interval") else name)
    return result


# ---------------------------------------------------------------------------- screens
class Screen:
    """A named sequence of requests (a callable on a client) with its bound."""

    def __init__(self, name, kind, run):
        self.name, self.kind, self.run = name, kind, run


def open_view(client, window, view_type, label):
    """Load the data a view shows when it opens. ``window``: res_model, views (with the search
    view), domain, context and limit of the window action."""
    model, context = window["res_model"], window["context"]
    result = client.call(
        model,
        "get_views",
        kwargs={"views": window["views"], "options": {"load_filters": True, "toolbar": True}, "context": context},
        label=f"{label}: get_views",
    )
    fields_info = model_fields(result, model)
    search_arch = parse(result["views"]["search"]["arch"]) if "search" in result["views"] else None
    extra_domain, group_by = default_search(search_arch, context, client)
    view = SimpleNamespace(
        client=client,
        model=model,
        type=view_type,
        arch=parse(result["views"][view_type]["arch"]),
        fields=fields_info,
        models=result["models"],
        domain=list(window["domain"]) + list(extra_domain),
        group_by=group_by,
        context=context,
        limit=window.get("limit"),
        label=label,
    )
    loader = VIEW_LOADERS.get(view_type)
    if loader:
        loader(view)


def load_list(view):
    """list / kanban: the first page with its count, or the first groups when a group-by is on."""
    spec = arch_spec(view.arch, view.fields, view.models)
    order = view.arch.get("default_order", "")
    if view.group_by:
        aggregates = [
            f"{name}:{view.fields[name].get('aggregator')}"
            for name in spec
            if view.fields.get(name, {}).get("aggregator")
            and view.fields[name]["type"] in ("integer", "float", "monetary")
        ]
        view.client.call(
            view.model,
            "web_read_group",
            kwargs={
                "context": view.context,
                "domain": view.domain,
                "fields": aggregates,
                "groupby": view.group_by[:1],
                "limit": 80,
                "offset": 0,
                "orderby": order,
                "lazy": True,
            },
            label=f"{view.label}: web_read_group",
        )
        return
    view.client.call(
        view.model,
        "web_search_read",
        kwargs={
            "context": view.context,
            "specification": spec,
            "domain": view.domain,
            "offset": 0,
            "limit": view.limit or (40 if view.type == "kanban" else 80),
            "order": order,
            "count_limit": 10001,
        },
        label=f"{view.label}: web_search_read",
    )


def load_pivot(view):
    """pivot: one read_group per prefix of the row group-bys x prefix of the column group-bys."""
    measures = measure_specs(view.arch, view.fields)
    rows, cols = groupbys(view.arch, "row"), groupbys(view.arch, "col")
    for row in sections(view.group_by or rows):
        for col in sections(cols):
            view.client.call(
                view.model,
                "read_group",
                kwargs={
                    "context": view.context,
                    "domain": view.domain,
                    "fields": measures,
                    "groupby": row + col,
                    "lazy": False,
                },
                label=f"{view.label}: read_group {'/'.join(row + col) or 'total'}",
            )


def load_graph(view):
    view.client.call(
        view.model,
        "web_read_group",
        kwargs={
            "context": dict(view.context, fill_temporal=True),
            "domain": view.domain,
            "fields": measure_specs(view.arch, view.fields, graph=True),
            "groupby": view.group_by or groupbys(view.arch, "row") + groupbys(view.arch, "col"),
            "lazy": False,
        },
        label=f"{view.label}: web_read_group",
    )


def load_calendar(view):
    """calendar: the records of the month grid shown (six weeks from the Monday before the 1st)."""
    start = date.today().replace(day=1)
    first = start - timedelta(days=start.weekday())
    last = first + timedelta(days=42)
    date_start, date_stop = view.arch.get("date_start"), view.arch.get("date_stop")
    month = (
        [(date_start, "<=", f"{last} 23:59:59"), (date_stop, ">=", f"{first} 00:00:00")]
        if date_stop
        else [(date_start, ">=", f"{first} 00:00:00"), (date_start, "<=", f"{last} 23:59:59")]
    )
    spec = arch_spec(view.arch, view.fields)
    for name in (date_start, date_stop, view.arch.get("color")):
        if name:
            spec.setdefault(name, field_spec(name, view.fields))
    view.client.call(
        view.model,
        "web_search_read",
        kwargs={
            "context": view.context,
            "specification": spec,
            "domain": view.domain + month,
            "offset": 0,
            "limit": False,
            "order": "",
        },
        label=f"{view.label}: web_search_read (month)",
    )


def load_activity(view):
    view.client.call(
        "mail.activity",
        "get_activity_data",
        kwargs={
            "context": view.context,
            "res_model": view.model,
            "domain": view.domain,
            "limit": 100,
            "offset": 0,
            "fetch_done": True,
        },
        label=f"{view.label}: get_activity_data",
    )


VIEW_LOADERS = {
    "list": load_list,
    "kanban": load_list,
    "pivot": load_pivot,
    "graph": load_graph,
    "calendar": load_calendar,
    "activity": load_activity,
}


def open_form(client, model, res_id, label, *, view_id=False, context=None):
    context = dict(client.context, **(context or {}))
    result = client.call(
        model,
        "get_views",
        kwargs={"views": [[view_id, "form"]], "options": {"load_filters": False, "toolbar": True}, "context": context},
        label=f"{label}: get_views",
    )
    fields_info = model_fields(result, model)
    arch = parse(result["views"]["form"]["arch"])
    spec = arch_spec(arch, fields_info, result["models"])
    spec.setdefault("display_name", {})
    client.call(model, "web_read", [[res_id]], {"specification": spec, "context": context}, label=f"{label}: web_read")
    if arch.find(".//chatter") is not None or "message_ids" in fields_info:  # the chatter
        client.json(
            "/mail/thread/data",
            {
                "thread_model": model,
                "thread_id": res_id,
                "request_list": ["activities", "attachments", "followers", "scheduledMessages", "suggestedRecipients"],
            },
            label=f"{label}: chatter data",
        )
        client.json(
            "/mail/thread/messages",
            {"thread_model": model, "thread_id": res_id, "fetch_params": {"limit": 30}},
            label=f"{label}: chatter messages",
        )


def menu_screens(client):
    """One screen per menu of our apps and view type of its action (list/kanban, pivot, graph, calendar)."""
    menus = client.session.get(f"{client.server.base}/web/webclient/load_menus/bench", timeout=120).json()
    screens = []
    for menu in sorted(menus.values(), key=lambda m: m.get("id") if isinstance(m.get("id"), int) else 0):
        xmlid = menu.get("xmlid") or ""
        if not xmlid.startswith(APPS) or not menu.get("actionID"):
            continue
        app = menus.get(str(menu.get("appID")), {}).get("name", "")
        name = f"{app} / {menu['name']}"
        action_id = menu["actionID"]
        action = client.json("/web/action/load", {"action_id": action_id, "context": client.context}, record=False)
        types = [view_type for _id, view_type in action.get("views") or []]
        screens.append(Screen(f"menu {name}", "call", lambda c, a=action_id, n=name: open_action(c, a, n)))
        for view_type in types[1:]:
            if view_type in ("pivot", "graph", "calendar", "kanban", "list", "activity"):
                screens.append(
                    Screen(
                        f"menu {name} [{view_type}]",
                        "call",
                        lambda c, a=action_id, n=name, t=view_type: open_action(c, a, n, t),
                    )
                )
    return screens


def open_action(client, action_id, label, view_type=None):
    action = client.json(
        "/web/action/load", {"action_id": action_id, "context": client.context}, label=f"{label}: action"
    )
    if action["type"] == "ir.actions.client":
        if action.get("tag") == "sop_organisasi.dashboard":
            client.call("sop.dashboard", "get_dashboard_data", label=f"{label}: get_dashboard_data")
        return
    if action["type"] != "ir.actions.act_window":
        return
    context = dict(client.context, **evaluate(action.get("context"), client, {}))
    domain = evaluate(action.get("domain"), client, [])
    views = [list(v) for v in action["views"]]
    search_view = action.get("search_view_id")
    views.append([search_view[0] if search_view else False, "search"])
    first = view_type or views[0][1]
    if action.get("res_id") and first == "form":
        open_form(client, action["res_model"], action["res_id"], label, view_id=views[0][0], context=context)
        return
    if first == "form":
        return
    window = {"res_model": action["res_model"], "views": views, "domain": domain, "context": context}
    open_view(client, dict(window, limit=action.get("limit")), first, label)


def dashboard_screens(client):
    """The start page and the lists its tiles open (the counters and the first late step)."""
    screens = [Screen("start page (dashboard data)", "call", lambda c: c.call("sop.dashboard", "get_dashboard_data"))]
    try:
        data = client.call("sop.dashboard", "get_dashboard_data")
    except RuntimeError:
        return []
    client.calls.clear()
    for section in data.get("sections", []):
        if section.get("key") != "counters":
            continue
        for item in section.get("tiles") or []:
            action = item.get("action") or {}
            if action.get("type") != "ir.actions.act_window" or action.get("res_id"):
                continue
            title = f"start page tile: {item.get('label') or item.get('name') or action.get('name')}"
            screens.append(Screen(title, "call", lambda c, a=action, t=title: open_window(c, a, t)))
    return screens


def open_window(client, action, label):
    views = [list(v) for v in action.get("views") or [[False, "list"]]]
    views.append([False, "search"])
    context = dict(client.context, **evaluate(action.get("context"), client, {}))
    window = {
        "res_model": action["res_model"],
        "views": views,
        "domain": action.get("domain") or [],
        "context": context,
    }
    open_view(client, window, views[0][1], label)


# ---------------------------------------------------------------------------- fixtures
def fixtures(db, base):
    """Ids the screens open, the kiosk cookie of a unit, Odoo's survey with the SKM questions."""
    odoo, registry = load_registry(db, "--log-level=warn")
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
        env["ir.config_parameter"].set_param("sop_survey.skm_rate_limit", False)
        env["ir.config_parameter"].set_param("report.url", base)
        skj = env.ref("sop_organisasi.sop_skj")
        case = env["sop.case"].search([("state", "=", "running")], order="id desc", limit=1)
        # the liaison opens a case of his own OPD
        liaison_opds = env["hr.department"].search([("liaison_user_ids.login", "=", ROLES["liaison"])])
        liaison_case = env["sop.case"].search(
            [("opd_id", "in", liaison_opds.ids)], order="state desc, id desc", limit=1
        )
        population = env["sop.skm.population"].search(
            [("period_id.state", "=", "closed")], order="period_id desc, id", limit=1
        )
        competition = env["sop.sinovik.competition"].search([], order="year desc", limit=1)
        unit = population.unit_id
        if not unit.kiosk_token:
            unit.action_kiosk_new_link()
        survey = env["survey.survey"].search([("title", "=", "SKM (Odoo survey baseline)")], limit=1)
        skm_survey = population.period_id.survey_id
        if not survey:
            survey = skm_survey.copy({"title": "SKM (Odoo survey baseline)"})
            values = {"skm_element": False, "skm_profile": False}
            survey.question_ids.write({k: v for k, v in values.items() if k in env["survey.question"]._fields})
            if "is_skm" in survey._fields and survey._fields["is_skm"].store:
                survey.is_skm = False
        answers = {}
        for question in survey.question_ids:
            if question.question_type in ("simple_choice", "multiple_choice"):
                choice = question.suggested_answer_ids.sorted("sequence")[-1:]
                answers[str(question.id)] = (
                    str(choice.id) if question.question_type == "simple_choice" else [str(choice.id)]
                )
            elif question.question_type == "numerical_box":
                answers[str(question.id)] = "35"
            elif question.question_type in ("char_box", "text_box"):
                answers[str(question.id)] = "Pelayanan cepat"
            elif question.question_type == "date":
                answers[str(question.id)] = "2026-01-01"
        cr.commit()
        return {
            "skj": skj.id,
            "case": case.id,
            "step": case.current_step_id.id,
            "liaison_case": liaison_case.id,
            "liaison_step": (liaison_case.current_step_id or liaison_case.step_ids[-1:]).id,
            "population": population.id,
            "competition": competition.id,
            "unit_token": unit.access_token,
            "kiosk_cookie": {unit._skm_kiosk_cookie_name(): unit.kiosk_token},
            "survey_token": survey.access_token,
            "survey_answers": answers,
            "survey_questions": len(survey.question_ids),
        }


def fixed_screens(fx, role):
    """Forms and reports opened by id (the Division's roles)."""
    if role == "juror":
        return []
    case, step = (fx["liaison_case"], fx["liaison_step"]) if role == "liaison" else (fx["case"], fx["step"])
    screens = [
        Screen("form: SKJ SOP (26 steps)", "call", lambda c: open_form(c, "sop.procedure", fx["skj"], "SOP form")),
        Screen("form: running case", "call", lambda c: open_form(c, "sop.case", case, "case form")),
        Screen("form: current case step", "call", lambda c: open_form(c, "sop.case.step", step, "step form")),
    ]
    if role in ("staff", "kabag", "admin"):
        screens += [
            Screen(
                "PDF: SOP document (SKJ)",
                "pdf",
                lambda c: c.get(f"/report/pdf/sop_organisasi.report_sop_document/{fx['skj']}"),
            ),
            Screen("XLSX: SOP (SKJ)", "xlsx", lambda c: c.get(f"/sop_organisasi/xlsx/{fx['skj']}")),
            Screen(
                "PDF: SKM report (unit, period)",
                "pdf",
                lambda c: c.get(f"/report/pdf/sop_survey.report_skm_unit/{fx['population']}"),
            ),
            Screen("XLSX: SKM report (unit, period)", "xlsx", lambda c: c.get(f"/skm/report/xlsx/{fx['population']}")),
            Screen("XLSX: SINOVIK recap", "xlsx", lambda c: sinovik_recap(c, fx["competition"])),
        ]
    return screens


def sinovik_recap(client, competition_id):
    action = client.call("sop.sinovik.competition", "action_export_xlsx", [[competition_id]])
    url = action.get("url")
    if url:
        client.get(url.split("?")[0] if "/web/content/" not in url else url, label="recap download")


def public_submission(client, fx, fields_cache):
    from bench_skm import form_fields  # noqa: PLC0415

    path = f"/skm/{fx['unit_token']}/kiosk"
    page = client.get(path, label="GET kiosk form")
    visit = re.search(r'name="visit_token" value="([^"]+)"', page.text)
    if not visit:
        raise RuntimeError("no visit token on the public form")
    if not fields_cache:
        fields_cache.update(form_fields(page.text))
    response = client.post(
        f"/skm/{fx['unit_token']}/submit", dict(fields_cache, visit_token=visit.group(1)), label="POST submit"
    )
    if response.status_code != 303:
        raise RuntimeError(f"public form POST: {response.status_code}")


def odoo_survey_submission(client, fx):
    token = fx["survey_token"]
    client.session.cookies.clear()
    start = client.session.get(f"{client.server.base}/survey/start/{token}", timeout=120, allow_redirects=False)
    location = start.headers.get("Location", "")
    answer_token = location.rstrip("/").rsplit("/", 1)[-1]
    if start.status_code not in (301, 302, 303) or not answer_token:
        raise RuntimeError(f"/survey/start: {start.status_code}")
    page = client.session.get(f"{client.server.base}/survey/{token}/{answer_token}", timeout=120)
    if page.status_code != 200:
        raise RuntimeError(f"survey page: {page.status_code}")
    begin = client.json(f"/survey/begin/{token}/{answer_token}", {}, record=False)
    if isinstance(begin, list) and begin and begin[0].get("error") if isinstance(begin[0], dict) else False:
        raise RuntimeError(f"survey begin: {begin}")
    result = client.json(f"/survey/submit/{token}/{answer_token}", dict(fx["survey_answers"]), record=False)
    if isinstance(result, list) and len(result) > 1 and isinstance(result[1], dict) and result[1].get("error"):
        raise RuntimeError(f"survey submit: {result[1]}")


# ---------------------------------------------------------------------------- measure
def measure(client, screen, runs):
    """Warm up once, then ``runs`` runs; (totals, slowest call of each run, queries per run, error)."""
    totals, slowest, queries, sql = [], [], [], []
    try:
        client.calls.clear()
        screen.run(client)
        for _run in range(runs):
            client.calls.clear()
            started = time.perf_counter()
            screen.run(client)
            totals.append(time.perf_counter() - started)
            slowest.append(max((call for call in client.calls), key=lambda call: call[1]))
            queries.append(sum(call[2] or 0 for call in client.calls))
            sql.append(sum(call[3] for call in client.calls))
    except Exception as error:
        text = " ".join(str(error).split())
        return totals, slowest, (queries, sql), f"{type(error).__name__}: {text[:240]}"
    return totals, slowest, (queries, sql), None


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def run_screens(server, args, fx):
    rows = []
    header = f"{'screen':<58} {'role':<8} {'calls':>5} {'p50 s':>7} {'p95 s':>7} {'slowest call p95':>28} {'queries':>8} {'SQL s':>6} {'bound':>6}  result"
    print(header)
    print("-" * len(header), flush=True)
    for role in args.roles:
        try:
            client = Client(server, ROLES[role])
        except Exception as error:
            print(f"{role}: cannot log in ({error})")
            continue
        client.calls.clear()
        screens = dashboard_screens(client) + menu_screens(client) + fixed_screens(fx, role)
        if role == "staff":
            public = kiosk_client(server, fx, client.calls)
            screens.append(
                Screen(
                    "public SKM form (GET + POST)",
                    "call",
                    lambda c, p=public, cache={}: public_submission(p, fx, cache),
                )
            )
        for screen in screens:
            if args.only and args.only.lower() not in screen.name.lower():
                continue
            totals, slowest, (queries, sql), error = measure(client, screen, args.runs)
            bound = BOUNDS[screen.kind]
            slow_p95 = percentile([s[1] for s in slowest], 0.95)
            slow_name = max(slowest, key=lambda s: s[1])[0] if slowest else ""
            ok = error is None and slow_p95 < bound
            calls = len(client.calls)
            row = {
                "screen": screen.name,
                "role": role,
                "calls": calls,
                "p50": statistics.median(totals) if totals else float("nan"),
                "p95": percentile(totals, 0.95),
                "slowest": slow_p95,
                "slowest_call": slow_name.rsplit(": ", 1)[-1],
                "queries": statistics.median(queries) if queries else 0,
                "sql": statistics.median(sql) if sql else 0.0,
                "bound": bound,
                "ok": ok,
                "error": error,
            }
            rows.append(row)
            print(format_row(row), flush=True)
    return rows


def format_row(row):
    slowest = f"{row['slowest']:.3f} {row['slowest_call'][:21]}"
    result = "PASS" if row["ok"] else ("ERROR " + row["error"] if row["error"] else "FAIL")
    return (
        f"{row['screen'][:58]:<58} {row['role']:<8} {row['calls']:>5} {row['p50']:>7.3f} {row['p95']:>7.3f}"
        f" {slowest:>28} {row['queries']:>8.0f} {row['sql']:>6.3f} {row['bound']:>5.0f}s  {result}"
    )


def kiosk_client(server, fx, calls):
    """An anonymous browser: the counter's tablet (its kiosk cookie set), recording into ``calls``."""
    import requests  # noqa: PLC0415

    public = Client.__new__(Client)
    public.server, public.calls = server, calls
    public.session = requests.Session()
    public.session.cookies.update(fx["kiosk_cookie"])
    return public


def cpu_per_submission(server, fx, count):
    """Server CPU seconds per submission: our public SKM form and Odoo's survey, ``count`` each."""

    public = kiosk_client(server, fx, [])
    cache = {}
    results = {}
    for label, submit in (
        ("SKM form (GET kiosk + POST)", lambda: public_submission(public, fx, cache)),
        ("Odoo survey (start, page, begin, submit)", lambda: odoo_survey_submission(public, fx)),
    ):
        for _i in range(5):  # warm-up
            submit()
        public.calls.clear()
        server.queries("/none")  # drain the log
        before, started = server.cpu(), time.perf_counter()
        for _i in range(count):
            submit()
        cpu, elapsed = server.cpu() - before, time.perf_counter() - started
        results[label] = (cpu / count, elapsed / count)
        print(
            f"  {label:<42} CPU {cpu / count * 1000:7.1f} ms/submission, wall {elapsed / count * 1000:7.1f} ms",
            flush=True,
        )
    ours, theirs = results["SKM form (GET kiosk + POST)"][0], results["Odoo survey (start, page, begin, submit)"][0]
    print(f"  ratio ours / Odoo's survey: {ours / theirs:.2f}", flush=True)
    return results


def write_markdown(path, rows, cpu):
    """One line per screen: the role with the slowest p95 (every role's figures are in the console table)."""
    lines = [
        "| Screen | Roles | p50 s | p95 s | Slowest call (p95 s) | SQL queries (s) | Bound | Result |",
        "|---|---|--:|--:|---|--:|--:|---|",
    ]
    screens = {}
    for row in rows:
        screens.setdefault(row["screen"], []).append(row)
    for name, group in screens.items():
        failed = [row for row in group if not row["ok"]]
        worst = failed[0] if failed else max(group, key=lambda row: row["slowest"])
        roles = ", ".join(f"**{row['role']}**" if row is worst else row["role"] for row in group)
        if worst["error"]:
            lines.append(f"| {name} | {roles} | - | - | - | - | {worst['bound']:.0f} s | ERROR: {worst['error']} |")
            continue
        result = "PASS" if worst["ok"] else "**FAIL**"
        lines.append(
            f"| {name} | {roles} | {worst['p50']:.3f} | {worst['p95']:.3f} | {worst['slowest_call']}"
            f" ({worst['slowest']:.3f}) | {worst['queries']:.0f} ({worst.get('sql', 0.0):.3f}) | {worst['bound']:.0f} s"
            f" | {result} |"
        )
    if cpu:
        lines += ["", "| Public submission | Server CPU ms | Wall ms |", "|---|--:|--:|"]
        lines += [f"| {label} | {c * 1000:.1f} | {w * 1000:.1f} |" for label, (c, w) in cpu.items()]
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def machine():
    one, five, fifteen = os.getloadavg()
    with open("/proc/meminfo") as meminfo:
        total = int(meminfo.readline().split()[1]) / 1024 / 1024
    return f"{os.cpu_count()} cores, {total:.0f} GiB RAM, load average {one:.2f} {five:.2f} {fifteen:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="city5y")
    parser.add_argument("--port", type=int, default=18182)
    parser.add_argument("--password", default="bench")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--only", help="only the screens whose name contains this text")
    parser.add_argument("--submissions", type=int, default=200, help="per form for the CPU comparison (0: skip)")
    parser.add_argument("--json", help="write the rows to this file")
    parser.add_argument("--markdown", help="write the table (Markdown) to this file")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a bound fails")
    args = parser.parse_args()
    args.roles = [role for role in args.roles.split(",") if role]
    base = f"http://127.0.0.1:{args.port}"
    fx = fixtures(args.db, base)
    print(f"database {args.db}; {machine()}; git {shell('git -C ' + str(PROJECT) + ' log -1 --format=%h')}")
    print(f"{args.runs} runs per screen after one warm-up; bounds: call 1 s, PDF 3 s, XLSX 5 s (slowest call's p95)\n")
    with Server(args.db, args.port, args.password) as server:
        rows = run_screens(server, args, fx)
        failed = [row for row in rows if not row["ok"]]
        print(f"\n{len(rows) - len(failed)} of {len(rows)} screens within their bound  [{machine()}]")
        for row in failed:
            reason = row["error"] or f"{row['slowest']:.2f} s > {row['bound']:.0f} s in {row['slowest_call']}"
            print(f"  FAIL {row['screen']} ({row['role']}): {reason}")
        cpu = None
        if args.submissions:
            print(f"\nCPU of the server per public submission ({args.submissions} each, sequential):")
            cpu = cpu_per_submission(server, fx, args.submissions)
    if args.markdown:
        write_markdown(args.markdown, rows, cpu)
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"rows": rows, "cpu": cpu, "machine": machine()}, out, indent=1, default=str)
    return 1 if failed and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
