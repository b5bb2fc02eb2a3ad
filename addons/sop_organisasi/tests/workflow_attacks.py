"""Attacks derived from the guard's declarations: every workflow field of every model.

A model of either addon declares the fields only its workflow sets in ``_workflow_fields`` (the
guard of ``tools/workflow.py``, docs/security.md rule 11). For every screen where a group is offered
"New" (the form walker) and every declared field of that model, as a user of that group with a
hostile context, this tries to:

1. create the record with a non-default value of the field: refused;
2. create it with ``default_<field>`` in the context: the field keeps its default;
3. write the field on a record the user just created: refused, nothing changed;
4. copy that record, plainly and with the value in copy's ``default``: refused, or the copy has
   the field's default.

Nothing is listed by hand: a model or field declared later is attacked too.
"""

from collections.abc import Hashable
from datetime import date

from odoo import Command
from odoo.tests import Form
from odoo.tools import mute_logger

from ..tools.workflow import as_workflow
from .form_walker import FormWalkerMixin
from .form_walker import rolled_back

# every context key that opens, or once opened, a lock somewhere
HOSTILE = {
    "install_mode": True,
    "tracking_disable": True,
    "skip_validation_check": True,
    "skip_check_state_condition": True,
    "sop_copying_revision": True,
    "sinovik_workflow": True,
}
REFUSED = "refused"


class WorkflowAttackMixin(FormWalkerMixin):
    """Mixed into a ``TransactionCase`` with ``_walked_addon``; see the module docstring."""

    def _declared_fields(self, model):
        names = getattr(model, "_workflow_fields", ()) or ()
        return [
            name
            for name in names
            if name in model._fields and model._fields[name].store and model._fields[name].type != "one2many"
        ]

    def _hostile_value(self, model, name, default, current=None):
        """A value of the field that is neither its default nor the record's current value."""
        field = model._fields[name]
        avoid = {value for value in (default, current, False, None) if isinstance(value, Hashable)}
        number = (default or 0) + 7 if field.type in ("integer", "float", "monetary") else None
        simple = {
            "integer": number,
            "float": number,
            "monetary": number,
            "boolean": not default,
            "date": date(2020, 1, 1),
            "datetime": date(2020, 1, 1),
            "char": "hostile",
            "text": "hostile",
            "html": "hostile",
        }
        if field.type in simple:
            return simple[field.type]
        if field.type == "selection":
            options = [value for value, _label in field._description_selection(model.env)]
            return next((value for value in reversed(options) if value not in avoid), None)
        if field.type in ("many2one", "many2many"):
            candidates = model.env[field.comodel_name].sudo().search([], limit=3)
            choice = next((rec for rec in candidates if rec.id not in avoid), None)
            if choice is not None:
                return choice.id if field.type == "many2one" else [Command.set([choice.id])]
        return None

    @staticmethod
    def _value(record, name):
        value = record[name]
        return value.id if record._fields[name].type == "many2one" else value

    def _attack_all(self, users):
        """Run the attacks; return (attacks made, failures as readable lines)."""
        attacks = 0
        failures = []
        for where, model, view_id in self._offered_new(users):
            names = self._declared_fields(model)
            if not names:
                continue
            with rolled_back(self.env):
                attacks += self._attack_model(where, model, view_id, names, failures)
        return attacks, failures

    def _attempt(self, call):
        """``REFUSED`` if ``call`` raised (its work undone), else what it returned."""
        try:
            # a refusal by a database constraint (e.g. a unique juror) is logged by sql_db: not an error here
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                return call()
        except Exception:
            return REFUSED

    def _attack_model(self, where, model, view_id, names, failures):
        form = Form(model, view=view_id)
        self._fill_required(form)
        vals = form._get_save_values()
        record = form.save()
        hostile_model = model.with_context(**HOSTILE)
        defaults = {name: self._value(record, name) for name in names}
        attacks = 0
        for name in names:
            hostile = self._hostile_value(model, name, defaults[name])
            if hostile is None:
                continue
            attacks += 5
            label = f"{where}, {name}={hostile!r}"
            plain = {key: value for key, value in vals.items() if key != name}
            created = self._attempt(
                lambda plain=plain, name=name, hostile=hostile: hostile_model.create({**plain, name: hostile})
            )
            if created is not REFUSED:
                failures.append(f"{label}: create with the value was accepted ({self._value(created, name)!r})")
            created = self._attempt(
                lambda plain=plain, name=name, hostile=hostile: hostile_model.with_context(
                    **{f"default_{name}": hostile}
                ).create(plain)
            )
            if created is not REFUSED and self._value(created, name) != defaults[name]:
                failures.append(f"{label}: default_{name} set it on create ({self._value(created, name)!r})")
            written = self._attempt(
                lambda name=name, hostile=hostile: record.with_context(**HOSTILE).write({name: hostile})
            )
            record.invalidate_recordset()
            if written is not REFUSED or self._value(record, name) != defaults[name]:
                failures.append(f"{label}: write was accepted")
            copied = self._attempt(lambda: record.with_context(**HOSTILE).copy())
            if copied is not REFUSED and self._value(copied, name) != defaults[name]:
                failures.append(f"{label}: the copy kept {self._value(copied, name)!r}")
            copied = self._attempt(
                lambda name=name, hostile=hostile: record.with_context(**HOSTILE).copy(default={name: hostile})
            )
            if copied is not REFUSED and self._value(copied, name) != defaults[name]:
                failures.append(f"{label}: copy(default=...) set it")
        return attacks

    def assertWorkflowFieldsHold(self, users, minimum):
        attacks, failures = self._attack_all(users)
        self.assertGreaterEqual(attacks, minimum, "fewer attacks than the declared workflow fields need")
        self.assertFalse(failures, "\n" + "\n".join(failures))


CHATTER_PREFIXES = ("message_", "activity_", "website_message")
PDF_STUB = b"%PDF-1.4 forged\n%%EOF\n"


class LockAttackMixin(WorkflowAttackMixin):
    """Attacks derived from the ``lock`` entries of the access policy (access_policy.json).

    For every screen where a group is offered "New" and whose model has a lock, the record is
    created as that group, then put in each locked state by its workflow; there, as every group of
    the product with a hostile context, every ``data`` field of the policy (but the ``writable``
    ones) is written with another value, the record is deleted (but in ``deletable`` states), and a
    file is attached to it and to its lines whose files follow a lock, and an existing file of theirs
    is replaced and deleted: each must be refused.
    """

    def _refused(self, call):
        """Whether ``call`` raised; its work is undone either way."""
        try:
            with mute_logger("odoo.sql_db"), rolled_back(self.env):
                call()
        except Exception:  # any refusal the user would meet is a refusal
            return True
        return False

    def _data_fields(self, entry, record):
        writable = set(entry["lock"].get("writable", []))
        return [
            name
            for name, kind in sorted(entry["fields"].items())
            if kind == "data"
            and name not in writable
            and not name.startswith(CHATTER_PREFIXES)
            and record._fields[name].type not in ("one2many", "binary")
        ]

    def _locked_files_targets(self, record):
        """The record and its lines whose files follow a lock (``_check_attachment_change``)."""
        targets = [record] if hasattr(record, "_check_attachment_change") else []
        for field in record._fields.values():
            if field.type == "one2many" and hasattr(record.env[field.comodel_name], "_check_attachment_change"):
                targets.extend(record[field.name][:1])
        return targets

    def _attack_locks(self, policy, attackers):
        attacks, failures = 0, []
        walked = set()
        for where, model, view_id in self._offered_new(self.users):
            walked.add(model._name)
            entry = policy.get(model._name) or {}
            lock = entry.get("lock")
            if not lock:
                continue
            with rolled_back(self.env):
                form = Form(model, view=view_id)
                self._fill_required(form)
                record = form.save().sudo(False)
                for state in lock["locked"]:
                    as_workflow(record).write({lock["field"]: state})
                    record.invalidate_recordset()
                    for key, user in attackers.items():
                        label = f"{where}, {state}, as {key}"
                        attacks += self._attack_locked_record(record.with_user(user), entry, label, state, failures)
        more, more_failures = self._attack_existing_locked(policy, attackers, walked)
        return attacks + more, failures + more_failures

    def _attack_existing_locked(self, policy, attackers, walked):
        """Locked models without a "New" screen (created by a workflow: case steps, letters...): a record
        of the fixture in each locked state is attacked; a state without such a record is a failure
        (the fixture must show it)."""
        attacks, failures = 0, []
        for model_name, entry in sorted(policy.items()):
            lock = entry.get("lock") if isinstance(entry, dict) else None
            if not lock or model_name in walked or model_name not in self.env:
                continue
            Model = self.env[model_name].sudo().with_context(active_test=False)
            for state in lock["locked"]:
                domain = [(lock["field"], "=", state)] if lock.get("field") else []
                record = Model.search(domain, limit=1)
                if not record:
                    failures.append(f"{model_name}: no record in state {state} to attack (extend the fixture)")
                    continue
                for key, user in attackers.items():
                    label = f"{model_name} #{record.id}, {state}, as {key}"
                    attacks += self._attack_locked_record(
                        record.with_user(user).sudo(False), entry, label, state, failures
                    )
        return attacks, failures

    def _attack_locked_record(self, record, entry, label, state, failures):
        attacks = 0
        hostile = record.with_context(**HOSTILE)
        for name in self._data_fields(entry, record):
            attacks += 1
            current = record.sudo()[name]
            plain = record.sudo()._fields[name].convert_to_write(current, record.sudo())
            # a changed value (a same-value save may be accepted as the no-op it is)
            value = self._hostile_value(record, name, plain, plain)
            if value is None:
                value = plain
            if not self._refused(lambda name=name, value=value: hostile.write({name: value})):
                failures.append(f"{label}: wrote {name} ({value!r})")
        if state not in entry["lock"].get("deletable", []):
            attacks += 1
            if not self._refused(hostile.unlink):
                failures.append(f"{label}: deleted it")
        for target in self._locked_files_targets(record.sudo()):
            attacks += 3
            values = {"name": "palsu.pdf", "raw": PDF_STUB, "res_model": target._name, "res_id": target.id}
            attachments = self.env["ir.attachment"].with_user(record.env.user).with_context(**HOSTILE)
            if not self._refused(lambda values=values, attachments=attachments: attachments.create(values)):
                failures.append(f"{label}: attached a file to {target._name}")
            # a file the record already has (attached by its workflow)
            existing = self.env["ir.attachment"].sudo().create(dict(values, name="asli.pdf"))
            mine = existing.with_user(record.env.user).with_context(**HOSTILE)
            if not self._refused(lambda mine=mine: mine.write({"raw": PDF_STUB + b"x"})):
                failures.append(f"{label}: replaced a file of {target._name}")
            if not self._refused(mine.unlink):
                failures.append(f"{label}: deleted a file of {target._name}")
        return attacks
