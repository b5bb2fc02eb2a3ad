from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user

from .common import TestSopCommon


class SopCaseRunCase(TestSopCommon):
    """Fixtures for running the seeded SKJ SOP as cases.

    People holding the jobs of the SKJ roles (data/sop_role_data.xml), a working
    team in the Bagian Organisasi (the 'Tim' role), an OPD with a liaison user and
    a company calendar in UTC (Mon-Fri 08:00-12:00 and 13:00-17:00) with a public
    holiday on Monday 9 March 2026.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Case = cls.env["sop.case"]
        cls.skj = cls.env.ref("sop_organisasi.sop_skj")
        ref = cls.env.ref
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Jam kerja uji (UTC)",
                "tz": "UTC",
                "hours_per_day": 8.0,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"day {day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in ((8, 12, "morning"), (13, 17, "afternoon"))
                ],
            }
        )
        cls.env.company.resource_calendar_id = cls.calendar
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Hari libur nasional (uji)",
                "calendar_id": cls.calendar.id,
                "date_from": datetime(2026, 3, 9, 0, 0),
                "date_to": datetime(2026, 3, 9, 23, 59, 59),
            }
        )

        def person(login, groups, job=None, department=None, parent=None):
            user = new_test_user(cls.env, login, groups=groups, name=login.replace("_", " ").title())
            employee = cls.env["hr.employee"].create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "job_id": job and ref(job).id,
                    "department_id": department and ref(department).id,
                    "parent_id": parent and parent.id,
                }
            )
            return user, employee

        cls.kabag, cls.kabag_emp = person(
            "kabag_org", "sop_organisasi.group_sop_approver", "sop_organisasi.job_kabag_organisasi"
        )
        cls.kasubbag, cls.kasubbag_emp = person(
            "kasubbag_kelembagaan",
            "sop_organisasi.group_sop_user",
            "sop_organisasi.job_kasubbag_kelembagaan",
            parent=cls.kabag_emp,
        )
        cls.analis, cls.analis_emp = person(
            "analis_jabatan", "sop_organisasi.group_sop_user", "sop_organisasi.job_analis_jabatan", parent=cls.kabag_emp
        )
        cls.tim1, _emp = person(
            "tim_satu",
            "sop_organisasi.group_sop_user",
            "sop_organisasi.job_staf_organisasi",
            "sop_organisasi.dept_bagian_organisasi",
            parent=cls.kasubbag_emp,
        )
        cls.tim2, _emp = person(
            "tim_dua",
            "sop_organisasi.group_sop_user",
            "sop_organisasi.job_staf_organisasi",
            "sop_organisasi.dept_bagian_organisasi",
            parent=cls.kasubbag_emp,
        )
        cls.liaison = new_test_user(cls.env, "liaison_dinkes", groups="sop_organisasi.group_sop_opd_user")
        cls.opd = cls._create_opd("Dinas Kesehatan Uji", "417.201", cls.liaison)
        cls.other_liaison = new_test_user(cls.env, "liaison_dispen", groups="sop_organisasi.group_sop_opd_user")
        cls.other_opd = cls._create_opd("Dinas Pendidikan Uji", "417.202", cls.other_liaison)
        cls.expected_users = {
            ref("sop_organisasi.role_kasubbag_kelembagaan"): cls.kasubbag,
            ref("sop_organisasi.role_kabag_organisasi"): cls.kabag,
            ref("sop_organisasi.role_analis_jabatan"): cls.analis,
            ref("sop_organisasi.role_tim"): cls.tim1 | cls.tim2,
        }
        cls.activity_type = ref("sop_organisasi.mail_activity_type_sop_step")

    @classmethod
    def _create_opd(cls, name, code, *liaisons):
        return cls.env["hr.department"].create(
            {
                "name": name,
                "is_opd": True,
                "opd_code": code,
                "liaison_user_ids": [Command.set([u.id for u in liaisons])],
            }
        )

    @classmethod
    def _new_case(cls, opd=None, start=True, procedure=None, year=2026):
        case = cls.Case.with_user(cls.sop_user).create(
            {"procedure_id": (procedure or cls.skj).id, "opd_id": (opd or cls.opd).id, "year": year}
        )
        if start:
            case.action_start()
        return case.with_user(cls.env.user)

    def _step_activities(self, step):
        return self.env["mail.activity"].search(
            [("res_model", "=", "sop.case"), ("res_id", "=", step.case_id.id), ("sop_case_step_id", "=", step.id)]
        )
