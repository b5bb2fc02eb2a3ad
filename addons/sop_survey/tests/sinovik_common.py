import base64
import datetime

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

PDF_STUB = base64.b64encode(b"%PDF-1.4\n% stub attachment\n")


class SinovikFixtures:
    """A competition with two scored stages, three OPDs with liaisons, three jurors."""

    @classmethod
    def _sinovik_setup(cls):
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True))
        Department = cls.env["hr.department"]
        cls.staff = new_test_user(cls.env, "sinovik_staff", groups="sop_organisasi.group_sop_user")
        cls.administrator = new_test_user(cls.env, "sinovik_admin", groups="sop_organisasi.group_sop_manager")
        cls.liaison_a = new_test_user(cls.env, "sinovik_liaison_a", groups="sop_organisasi.group_sop_opd_user")
        cls.liaison_c = new_test_user(cls.env, "sinovik_liaison_c", groups="sop_organisasi.group_sop_opd_user")
        cls.portal_b = new_test_user(cls.env, "sinovik_portal_b", groups="base.group_portal")
        cls.juror_1 = new_test_user(cls.env, "sinovik_juror_1", groups="base.group_user")
        cls.juror_2 = new_test_user(cls.env, "sinovik_juror_2", groups="base.group_user")
        cls.juror_3 = new_test_user(cls.env, "sinovik_juror_3", groups="base.group_portal")
        cls.opd_a = Department.create(
            {"name": "Dinas Kesehatan", "is_opd": True, "liaison_user_ids": [Command.set(cls.liaison_a.ids)]}
        )
        cls.opd_b = Department.create(
            {"name": "Dinas Kependudukan", "is_opd": True, "liaison_user_ids": [Command.set(cls.portal_b.ids)]}
        )
        cls.opd_c = Department.create(
            {"name": "Dinas Perhubungan", "is_opd": True, "liaison_user_ids": [Command.set(cls.liaison_c.ids)]}
        )
        cls.competition = (
            cls.env["sop.sinovik.competition"]
            .with_context(sinovik_no_defaults=True)
            .create(
                {
                    "name": "Kompetisi Inovasi Kota Mojokerto",
                    "year": 2026,
                    "quota_per_opd": 2,
                    "signatory_name": "Drs. Budi Santoso",
                    "signatory_nip": "197001011995031001",
                    "group_ids": [Command.create({"name": "Kelompok Umum"})],
                    "category_ids": [Command.create({"name": "Pelayanan Publik Inklusif"})],
                    "section_ids": [
                        Command.create({"sequence": 10, "name": "Ringkasan", "max_words": 10}),
                        Command.create({"sequence": 20, "name": "Kebaruan", "max_words": 5}),
                    ],
                    "attachment_type_ids": [Command.create({"name": "Surat Pernyataan Implementasi"})],
                    "stage_ids": [
                        Command.create(
                            {
                                "sequence": 10,
                                "name": "Pendaftaran",
                                "kind": "registration",
                                "date_start": datetime.date(2026, 1, 5),
                                "date_end": datetime.date(2026, 3, 31),
                            }
                        ),
                        Command.create({"sequence": 20, "name": "Seleksi Administrasi", "kind": "administrative"}),
                        Command.create(
                            {
                                "sequence": 30,
                                "name": "Desk Evaluation",
                                "kind": "desk",
                                "top_n": 2,
                                "criterion_ids": [
                                    Command.create(
                                        {"sequence": 1, "name": "Kebaruan", "weight": 2, "min_score": 1, "max_score": 5}
                                    ),
                                    Command.create(
                                        {"sequence": 2, "name": "Manfaat", "weight": 3, "min_score": 1, "max_score": 5}
                                    ),
                                ],
                            }
                        ),
                        Command.create(
                            {
                                "sequence": 40,
                                "name": "Presentasi",
                                "kind": "presentation",
                                "top_n": 0,
                                "criterion_ids": [
                                    Command.create({"sequence": 1, "name": "Paparan", "weight": 40, "max_score": 100}),
                                    Command.create({"sequence": 2, "name": "Materi", "weight": 60, "max_score": 100}),
                                ],
                            }
                        ),
                    ],
                }
            )
        )
        cls.stage_desk = cls.competition.stage_ids.filtered(lambda s: s.kind == "desk")
        cls.stage_presentation = cls.competition.stage_ids.filtered(lambda s: s.kind == "presentation")
        cls.sdg_16 = cls.env.ref("sop_survey.sinovik_sdg_16")

    @classmethod
    def _proposal(cls, opd, name, user=None, complete=True):
        Proposal = cls.env["sop.sinovik.proposal"]
        if user:
            Proposal = Proposal.with_user(user)
        proposal = Proposal.create({"competition_id": cls.competition.id, "opd_id": opd.id, "name": name})
        if complete:
            cls._complete(proposal)
        return proposal

    @classmethod
    def _complete(cls, proposal):
        texts = {"Ringkasan": "Layanan antar dokumen kependudukan ke rumah warga.", "Kebaruan": "Jemput bola digital."}
        proposal.write(
            {
                "start_date": datetime.date(2024, 2, 1),
                "group_id": cls.competition.group_ids.id,
                "category_id": cls.competition.category_ids.id,
                "sdg_ids": [Command.set(cls.sdg_16.ids)],
                "video_url": "https://youtu.be/example",
                "answer_ids": [Command.update(a.id, {"text": texts[a.section_id.name]}) for a in proposal.answer_ids],
                "document_ids": [
                    Command.update(d.id, {"datas": PDF_STUB, "filename": "pernyataan.pdf"})
                    for d in proposal.document_ids
                ],
            }
        )
        return proposal

    @classmethod
    def _score(cls, stage, proposal, juror, values):
        """Assign ``juror`` and enter ``values`` (in criterion sequence order), then mark done."""
        assignment = cls.env["sop.sinovik.assignment"].create(
            {"stage_id": stage.id, "proposal_id": proposal.id, "juror_id": juror.id}
        )
        lines = assignment.score_ids.sorted(lambda s: (s.sequence, s.id))
        for line, value in zip(lines, values, strict=True):
            line.with_user(juror).score = value
        assignment.with_user(juror).action_done()
        return assignment


class SinovikCase(SinovikFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sinovik_setup()
