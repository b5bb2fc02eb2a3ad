from odoo import Command
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class TestSopCommon(TransactionCase):
    """Fixtures: a unit, two roles, users of each SOP group and a small SOP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Procedure = cls.env["sop.procedure"]
        cls.unit = cls.env["hr.department"].create({"name": "Bagian Uji"})
        cls.other_unit = cls.env["hr.department"].create({"name": "Bagian Lain"})
        cls.role_staff = cls.env["sop.role"].create({"name": "Staf Uji", "resolution_type": "employee"})
        cls.role_head = cls.env["sop.role"].create({"name": "Kabag Uji", "resolution_type": "employee"})
        cls.role_outsider = cls.env["sop.role"].create({"name": "Orang Luar", "resolution_type": "employee"})
        cls.opd_user = new_test_user(cls.env, "sop_opd", groups="sop_organisasi.group_sop_opd_user")
        cls.sop_user = new_test_user(cls.env, "sop_staff", groups="sop_organisasi.group_sop_user")
        cls.sop_user.sop_unit_ids = cls.unit
        cls.approver = new_test_user(cls.env, "sop_approver", groups="sop_organisasi.group_sop_approver")
        cls.sop_admin = new_test_user(cls.env, "sop_admin", groups="sop_organisasi.group_sop_manager")
        cls.plain_user = new_test_user(cls.env, "plain_user", groups="base.group_user")

    @classmethod
    def _create_procedure(cls, name="Pengujian Prosedur", **values):
        vals = {
            "name": name,
            "unit_id": cls.unit.id,
            "signatory_position": "KEPALA BAGIAN UJI",
            "signatory_name": "Budi Santoso, S.H.",
            "signatory_rank": "Pembina",
            "signatory_nip": "198001012005011003",
            "role_ids": [Command.set([cls.role_staff.id, cls.role_head.id])],
            "line_ids": [
                Command.create({"kind": "legal", "name": "Permenpan RB 35/2012"}),
                Command.create({"kind": "record", "name": "Buku agenda"}),
            ],
            "section_ids": [Command.create({"code": "A", "name": "PELAKSANAAN", "sequence": 10})],
        }
        vals.update(values)
        procedure = cls.Procedure.create(vals)
        section = procedure.section_ids
        Step = cls.env["sop.step"]
        first = Step.create(cls._step_vals(section, 10, "start", cls.role_staff, "Menyiapkan konsep"))
        Step.create(cls._step_vals(section, 20, "process", cls.role_staff, "Menyampaikan konsep"))
        Step.create(
            dict(
                cls._step_vals(section, 30, "decision", cls.role_head, "Mengoreksi dan menyetujui"),
                return_step_id=first.id,
            )
        )
        Step.create(cls._step_vals(section, 40, "end", cls.role_staff, "Mengarsipkan"))
        return procedure

    @staticmethod
    def _write_locked(records, vals):
        """Change an effective SOP or its content (or make an SOP effective) the way the
        workflow does it: no context key a client could send opens the lock."""
        as_workflow(records).write(vals)

    @staticmethod
    def _step_vals(section, sequence, kind, role, text):
        return {
            "section_id": section.id,
            "sequence": sequence,
            "kind": kind,
            "role_id": role.id,
            "name": text,
            "requirement": "Konsep surat",
            "duration_qty": 1,
            "duration_unit": "day",
            "output": "Surat",
        }
