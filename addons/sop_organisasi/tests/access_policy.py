"""The access policy of an addon as data, checked against the code and attacked.

``addons/<addon>/security/access_policy.json`` states, for every model of the addon:

- ``access``: the rights of each group of the product (``r`` read, ``w`` write, ``c`` create,
  ``d`` delete) -- public, portal, internal, OPD User, SOP User, Approving Official, SOP
  Administrator, SINOVIK juror;
- ``workflow_fields``: the fields only the model's workflow sets (the guard, docs/security.md);
- ``attachments_locked``: whether the model's files follow its lock (one ``ir.attachment`` check);
- ``lock`` (optional): the states that lock a record (see ``workflow_attacks.LockAttackMixin``);
- ``admin_fields`` (optional): fields only the SOP Administrator writes (they confer rights);
- ``fields``: every stored field, as ``data`` (a user with write access sets it while the record is
  open), ``workflow``, ``computed``, ``readonly`` or ``children`` (one2many lines).

The test derived from it fails when a model or a stored field has no entry (the next feature
cannot forget its rules), when the code grants other rights or declares other workflow fields
than the policy says, and it attacks: every right the policy does not grant is tried through the
ORM as a user of that group with a hostile context, and must be refused.
"""

import json
import os

from odoo.tests import new_test_user

from .workflow_attacks import HOSTILE
from .workflow_attacks import LockAttackMixin

MAGIC_FIELDS = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}
OPERATIONS = (("read", "r"), ("write", "w"), ("create", "c"), ("unlink", "d"))


def policy_path(addon):
    return os.path.join(os.path.dirname(__file__), "..", "..", addon, "security", "access_policy.json")


def load_policy(addon):
    with open(policy_path(addon), encoding="utf-8") as handle:
        return json.load(handle)


def field_kind(model, name):
    """The class of a stored field as the code defines it (see the module docstring)."""
    field = model._fields[name]
    if name in (getattr(model, "_workflow_fields", ()) or ()):
        return "workflow"
    if field.type == "one2many":
        return "children"
    if field.compute or field.related:
        return "computed"
    if field.readonly:
        return "readonly"
    return "data"


class AccessPolicyMixin(LockAttackMixin):
    """Mixed into a ``TransactionCase`` with the walker's fixture; ``_policy_addon`` names the addon."""

    _policy_addon = None

    def _policy_users(self, groups):
        """A user per key of the policy's ``_groups`` (comma-separated group xmlids; portal keys are
        portal users, the others internal); the portal liaison acts for every OPD of the fixture."""
        users = {}
        for key, xmlids in groups.items():
            names = xmlids.split(",")
            if not all(self.env.ref(name, raise_if_not_found=False) for name in names):
                continue
            if key == "public":
                users[key] = self.env.ref("base.public_user")
                continue
            base = [] if key.startswith("portal") or names[0].startswith("base.") else ["base.group_user"]
            users[key] = new_test_user(self.env, f"policy_{key}", groups=",".join(base + names), tz="Asia/Jakarta")
        if "portal_liaison" in users:
            opds = self.env["hr.department"].search([("is_opd", "=", True)])
            opds.sudo().write({"liaison_user_ids": [(4, users["portal_liaison"].id)]})
        return users

    # ------------------------------------------------------------ the addon's models
    def _addon_models(self):
        data = self.env["ir.model.data"].search([("module", "=", self._policy_addon), ("model", "=", "ir.model")])
        models = self.env["ir.model"].browse(data.mapped("res_id")).exists()
        return sorted(
            m.model for m in models if not m.transient and m.model in self.env and not self.env[m.model]._abstract
        )

    def _addon_fields(self, model_name):
        """The stored fields of the model that the addon defines or extends."""
        data = self.env["ir.model.data"].search(
            [("module", "=", self._policy_addon), ("model", "=", "ir.model.fields")]
        )
        own = self.env["ir.model.fields"].browse(data.mapped("res_id")).filtered(lambda f: f.model == model_name)
        model = self.env[model_name]
        return sorted(
            name
            for name in own.mapped("name")
            if name in model._fields and model._fields[name].store and name not in MAGIC_FIELDS
        )

    def _code_policy(self, model_name):
        model = self.env[model_name]
        return {
            "workflow_fields": sorted(getattr(model, "_workflow_fields", ()) or ()),
            "attachments_locked": hasattr(model, "_check_attachment_change"),
            "fields": {name: field_kind(model, name) for name in self._addon_fields(model_name)},
        }

    # ------------------------------------------------------------ checks
    def _policy_differences(self, policy):
        """Lines naming each model or field whose policy entry is missing or differs from the code."""
        problems = []
        models = self._addon_models()
        for model_name in sorted(set(policy) - {"_groups"} - set(models)):
            problems.append(f"{model_name}: in the policy but not a model of {self._policy_addon}")
        for model_name in models:
            entry = policy.get(model_name)
            if entry is None:
                problems.append(f"{model_name}: no policy entry (add it to security/access_policy.json)")
                continue
            code = self._code_policy(model_name)
            if sorted(entry.get("workflow_fields", [])) != code["workflow_fields"]:
                problems.append(
                    f"{model_name}: workflow fields {code['workflow_fields']} in the code, "
                    f"{entry.get('workflow_fields', [])} in the policy"
                )
            if bool(entry.get("attachments_locked")) != code["attachments_locked"]:
                problems.append(f"{model_name}: attachments_locked is {code['attachments_locked']} in the code")
            for name, kind in code["fields"].items():
                stated = entry.get("fields", {}).get(name)
                if stated is None:
                    problems.append(f"{model_name}.{name}: no policy entry (a {kind} field?)")
                elif stated != kind:
                    problems.append(f"{model_name}.{name}: '{stated}' in the policy, '{kind}' in the code")
            for name in sorted(set(entry.get("fields", {})) - set(code["fields"])):
                problems.append(f"{model_name}.{name}: in the policy but not a stored field of the addon")
        return problems

    def _rights(self, model_name, user):
        model = self.env[model_name].with_user(user)
        return "".join(letter for operation, letter in OPERATIONS if model.has_access(operation))

    def _access_differences(self, policy, users):
        problems = []
        for model_name in self._addon_models():
            entry = policy.get(model_name) or {}
            for key, user in users.items():
                stated = entry.get("access", {}).get(key)
                actual = self._rights(model_name, user)
                if stated is None:
                    problems.append(f"{model_name}: no rights stated for {key} (the code gives '{actual}')")
                elif set(stated) != set(actual):
                    problems.append(f"{model_name}: {key} has '{actual}', the policy says '{stated}'")
        return problems

    def _attack_missing_rights(self, policy, users):
        """Try every right the policy does not grant; return (attempts, lines of what got through)."""
        attempts = 0
        problems = []
        for model_name in self._addon_models():
            entry = policy.get(model_name) or {}
            record = self.env[model_name].sudo().with_context(active_test=False).search([], limit=1)
            for key, user in users.items():
                granted = entry.get("access", {}).get(key, "")
                model = self.env[model_name].with_user(user).with_context(**HOSTILE)
                for operation, letter in OPERATIONS:
                    if letter in granted or (operation != "create" and not record):
                        continue
                    attempts += 1
                    if self._got_through(model, record, operation):
                        problems.append(f"{model_name}: {key} could {operation} without the right")
        return attempts, problems

    def _got_through(self, model, record, operation):
        calls = {
            "read": lambda: record.with_env(model.env).read(["display_name"]),
            "write": lambda: record.with_env(model.env).write({}),
            "create": lambda: model.create({}),
            "unlink": lambda: record.with_env(model.env).unlink(),
        }
        # the ORM checks the right first, even for an empty write
        return not self._refused(calls[operation])

    def _lock_differences(self, policy):
        """A lock names a selection field of the model and some of its values."""
        problems = []
        for model_name, entry in policy.items():
            lock = entry.get("lock") if isinstance(entry, dict) else None
            if not lock or model_name not in self.env:
                continue
            if not lock.get("field"):
                continue  # locked in every state (e.g. an issued letter)
            field = self.env[model_name]._fields.get(lock["field"])
            if not field or field.type != "selection":
                problems.append(f"{model_name}: the lock field {lock['field']} is not a selection")
                continue
            values = {value for value, _label in field._description_selection(self.env)}
            for state in set(lock["locked"]) | set(lock.get("deletable", [])):
                if state not in values:
                    problems.append(f"{model_name}: the lock names an unknown state {state}")
        return problems

    def _attack_admin_fields(self, policy, users):
        """Write each field reserved to the SOP Administrator with its own value, as every group."""
        attacks, problems = 0, []
        for model_name, entry in sorted(policy.items()):
            names = entry.get("admin_fields") if isinstance(entry, dict) else None
            if not names:
                continue
            for name in names:
                if name not in entry["fields"]:
                    problems.append(f"{model_name}.{name}: an admin field that is not in the policy's fields")
            record = self.env[model_name].sudo().with_context(active_test=False).search([], limit=1)
            for key, user in users.items():
                for name in names:
                    attacks += 1
                    value = record._fields[name].convert_to_write(record[name], record)
                    target = record.with_user(user).with_context(**HOSTILE)
                    refused = self._refused(lambda target=target, name=name, value=value: target.write({name: value}))
                    if refused != (key != "administrator"):
                        problems.append(f"{model_name}.{name}: {key} {'was refused' if refused else 'could write it'}")
        return attacks, problems

    def assertLocksHold(self, minimum):
        policy = load_policy(self._policy_addon)
        attackers = self._policy_users(policy["_groups"])
        problems = self._lock_differences(policy)
        attacks, failures = self._attack_locks(policy, attackers)
        self.assertGreaterEqual(attacks, minimum, "fewer attacks on locked records than the policy's locks need")
        self.assertFalse(problems + failures, "\n" + "\n".join(problems + failures))

    def assertPolicyHolds(self):
        policy = load_policy(self._policy_addon)
        users = self._policy_users(policy["_groups"])
        problems = self._policy_differences(policy)
        problems += self._access_differences(policy, users)
        attempts, refused = self._attack_missing_rights(policy, users)
        problems += refused
        admin_attacks, admin_problems = self._attack_admin_fields(policy, users)
        attempts += admin_attacks
        problems += admin_problems
        self.assertGreater(attempts, 50, "the policy grants almost everything: nothing to attack")
        self.assertFalse(problems, "\n" + "\n".join(problems))
        return attempts
