"""Every "New" and every "Save" of an addon's screens, tested the way the web client does them.

The walker follows the addon's menus to their window actions. For every group of the product
that sees the menu and is offered "New" there (the view's ``create`` attribute, the action's
``create`` context key and the group's access rights, as the web client decides), it:

1. opens the action's form as a user of that group (``odoo.tests.Form``: ``onchange()`` for the
   defaults, the action's context), fills the fields the view requires and leaves empty, saves
   (``web_save``) and checks that the record exists and can be read back;
2. adds a line to every one2many of that form that offers "Add a line", and saves again;
3. opens the saved record again, gives every editable field of the form its own value back (the
   web client sends what the user touched) and saves again;
4. duplicates it where the form offers "Duplicate".

Nothing is listed by hand: a model, menu or one2many added later is walked too. A failure names
the menu, the group, the step and the error the user would see.
"""

import ast
import base64
import logging
from contextlib import contextmanager
from datetime import date
from datetime import datetime

from lxml import etree

from odoo.tests import Form
from odoo.tests import new_test_user
from odoo.tools.safe_eval import safe_eval

_logger = logging.getLogger(__name__)

# the groups of the product, from the least to the most privileged (absent ones are skipped)
PRODUCT_GROUPS = (
    "base.group_user",
    "sop_organisasi.group_sop_opd_user",
    "sop_organisasi.group_sop_user",
    "sop_organisasi.group_sop_approver",
    "sop_organisasi.group_sop_manager",
    "sop_survey.group_sinovik_juror",
)
FALSE_ATTRS = ("0", "false", "False")
SCALAR_TYPES = ("char", "text", "html", "integer", "float", "monetary", "date", "datetime", "selection", "boolean")
TINY_PDF = base64.b64encode(b"%PDF-1.4\n%%EOF\n")


@contextmanager
def rolled_back(env):
    """Run a block in a savepoint and undo its work afterwards, whatever it did."""
    savepoint = env.cr.savepoint()
    try:
        yield
    finally:
        savepoint.close(rollback=True)
        env.invalidate_all(flush=False)


class FormWalkerMixin:
    """Mixed into a ``TransactionCase``; ``_walked_addon`` names the addon whose menus are walked."""

    _walked_addon = None

    @classmethod
    def _walker_users(cls, **values):
        """One user per product group (plus the values given, e.g. SOP units), by group xmlid."""
        users = {}
        for xmlid in PRODUCT_GROUPS:
            group = cls.env.ref(xmlid, raise_if_not_found=False)
            if not group:
                continue
            groups = xmlid if xmlid.startswith("base.") else f"base.group_user,{xmlid}"
            login = "walker_" + xmlid.split(".")[1]
            users[xmlid] = new_test_user(cls.env, login, groups=groups, tz="Asia/Jakarta", **values)
        return users

    # ------------------------------------------------------------------ the addon's screens
    def _walked_menus(self):
        data = self.env["ir.model.data"].search([("module", "=", self._walked_addon), ("model", "=", "ir.ui.menu")])
        menus = self.env["ir.ui.menu"].browse(data.mapped("res_id")).exists()
        return menus.filtered(
            lambda m: m.action and m.action._name == "ir.actions.act_window" and "form" in m.action.view_mode
        ).sorted("complete_name")

    @staticmethod
    def _action_context(action, user):
        text = action.context or "{}"
        try:
            return ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return safe_eval(text, {"uid": user.id, "active_id": False, "active_ids": [], "context": {}})

    @staticmethod
    def _form_view_id(action):
        form_views = action.view_ids.filtered(lambda v: v.view_mode == "form")
        if form_views:
            return form_views[0].view_id.id
        if action.view_id and action.view_id.type == "form":
            return action.view_id.id
        return False

    def _offers_new(self, action, model):
        """Whether the web client shows "New" on the action's first view for ``model``'s user."""
        if self._action_context(action, model.env.user).get("create", True) is False:
            return False
        first = action.view_mode.split(",")[0]
        view_id = action.view_id.id if action.view_id and action.view_id.type == first else False
        views = model.get_views([(view_id, first)])
        arch = views["views"][first]["arch"]
        root = etree.fromstring(arch)
        return root.get("create") not in FALSE_ATTRS

    @staticmethod
    def _offers_duplicate(model, view_id):
        """Whether the form's action menu offers "Duplicate" (Odoo's rule: create allowed, not switched off)."""
        arch = model.get_views([(view_id, "form")])["views"]["form"]["arch"]
        root = etree.fromstring(arch)
        return root.get("create") not in FALSE_ATTRS and root.get("duplicate") not in FALSE_ATTRS

    # ------------------------------------------------------------------ filling a form as a user
    @staticmethod
    def _typed_value(kind, label):
        """What a user types into a required field of a simple type (None: not a typed field)."""
        typed = {
            "char": f"Uji {label}",
            "text": f"Uji {label}",
            "html": f"<p>Uji {label}</p>",
            "integer": 1,
            "float": 1,
            "monetary": 1,
            "date": date.today(),
            "datetime": datetime.now().replace(microsecond=0),
            "binary": TINY_PDF.decode(),
        }
        return typed.get(kind)

    def _fill_value(self, form, name, info):
        """A value for the required field ``name`` that the user could pick or type."""
        kind = info["type"]
        label = info.get("string") or name
        if kind == "selection":
            return info["selection"][0][0]
        if kind in ("many2one", "many2many"):
            node = self._field_node(form, name)
            domain = (node.get("domain") if node is not None else None) or info.get("domain") or []
            if isinstance(domain, str):
                domain = safe_eval(domain, form._get_eval_context())
            choice = form._env[info["relation"]].with_context(**form._get_context(name)).search(domain, limit=1)
            if not choice:
                raise AssertionError(f"nothing to choose for the required field {label!r} ({info['relation']})")
            return choice
        value = self._typed_value(kind, label)
        if value is None:
            raise AssertionError(f"no way to fill the required field {label!r} of type {kind}")
        return value

    def _fill_required(self, form):
        for _round in range(3):
            missing = [
                (name, info)
                for name, info in form._view["fields"].items()
                if name in form._values
                and info["type"] not in ("one2many", "boolean")
                and not form._values[name]
                and not form._get_modifier(name, "invisible")
                and not form._get_modifier(name, "readonly")
                and form._get_modifier(name, "required")
            ]
            if not missing:
                return
            for name, info in missing:
                value = self._fill_value(form, name, info)
                if info["type"] == "many2many":
                    getattr(form, name).add(value)
                else:
                    form[name] = value

    @staticmethod
    def _field_node(form, name):
        return next((n for n in form._view["tree"].iter("field") if n.get("name") == name), None)

    def _user_can_change(self, form, name):
        """A status bar is changed by the user only when it is clickable."""
        node = self._field_node(form, name)
        if node is None or node.get("widget") != "statusbar":
            return True
        return "clickable" in (node.get("options") or "")

    def _editable_fields(self, form):
        return [
            name
            for name, info in form._view["fields"].items()
            if info["type"] in (*SCALAR_TYPES, "many2one")
            and name in form._values
            and self._user_can_change(form, name)
            and not form._get_modifier(name, "invisible")
            and not form._get_modifier(name, "readonly")
        ]

    def _addable_one2many(self, form):
        """The one2many fields of the form where the user may add a line."""
        names = []
        for name, info in form._view["fields"].items():
            if info["type"] != "one2many" or form._get_modifier(name, "invisible"):
                continue
            if form._get_modifier(name, "readonly"):
                continue
            subview = info.get("edition_view")
            if not subview:
                continue
            node = self._field_node(form, name)
            sublists = [child for child in node if child.tag in ("list", "kanban")] if node is not None else []
            if sublists and sublists[0].get("create") in FALSE_ATTRS:
                continue
            if not form._env[info["relation"]].has_access("create"):
                continue
            names.append(name)
        return names

    # ------------------------------------------------------------------ the walk
    def _offered_new(self, users):
        """``(where, model, view_id)`` for every menu of the addon and every group offered "New" there."""
        for menu in self._walked_menus():
            action = menu.action
            view_id = self._form_view_id(action)
            for xmlid, user in users.items():
                if menu.id not in menu.with_user(user)._visible_menu_ids():
                    continue
                model = self.env[action.res_model].with_user(user).with_context(**self._action_context(action, user))
                if not model.has_access("create") or not self._offers_new(action, model):
                    continue
                yield f"{menu.complete_name} [{action.res_model}] as {xmlid}", model, view_id

    def _walk(self, users):
        """Walk every menu of the addon as every group; return the failures as readable lines."""
        failures = []
        walked = 0
        for where, model, view_id in self._offered_new(users):
            walked += 1
            failures.extend(self._walk_one(model, view_id, where))
        return walked, failures

    def _walk_one(self, model, view_id, where):
        """One screen as one user, rolled back afterwards: each walk starts from the same database."""
        failures = []
        with rolled_back(self.env):
            self._walk_steps(model, view_id, where, failures)
        return failures

    def _walk_steps(self, model, view_id, where, failures):
        step = "New"
        try:
            with self.env.cr.savepoint():
                form = Form(model, view=view_id)
                self._fill_required(form)
                record = form.save()
                self.assertTrue(record.exists(), f"{where}: the saved record does not exist")
                record.check_access("read")
                for name in self._addable_one2many(form):
                    step = f"Add a line to {name}"
                    with getattr(form, name).new() as line:
                        self._fill_required(line)
                    form.save()
                step = "Save again without change"
                edit = Form(record, view=view_id)
                for name in self._editable_fields(edit):
                    edit[name] = edit[name]
                edit.save()
                if self._offers_duplicate(model, view_id):
                    step = "Duplicate"
                    duplicate = record.copy()
                    self.assertTrue(duplicate.exists(), f"{where}: the duplicate does not exist")
                    duplicate.check_access("read")
        except Exception as error:
            failures.append(f"{where}, {step}: {type(error).__name__}: {error}")

    def assertEveryNewSaves(self, users, minimum):
        walked, failures = self._walk(users)
        _logger.info("form walker %s: %s menu/group pairs walked", self._walked_addon, walked)
        self.assertGreaterEqual(walked, minimum, "fewer screens offer 'New' than the product has")
        self.assertFalse(failures, "\n" + "\n".join(failures))
