"""Fill a database of a shipped release with realistic data, through that release's ORM API.

Shared by the fill script of each release (``fill_previous_release.py`` for commit 5654535,
``fill_release_18916d5.py`` for commit 18916d5, ``fill_release_ff6b57c.py`` for commit ff6b57c; listed
in ``.ci/previous-release``), which describes the API of its release in a :class:`Release` and calls
:func:`main`, with the data of the addons only that release has (e.g. sop_jabatan from ff6b57c on) as
``more``. The upgrade test (``run_upgrade_test.sh``) runs that script with ``odoo shell`` on a database
where the product's addons of the release are installed; the upgrade to the current code is then
checked on this data (``snapshot.py`` compares every stored value before and after).

It uses only what every listed release has, and names through the :class:`Release` what differs
(e.g. the approving official of an SOP is ``approver_title/approver_name/approver_rank/
approver_nip`` in 5654535, ``signatory_*`` from 18916d5 on). Do not port it to newer field names
or newer ways: it describes the old data models on purpose. The fixtures follow the tests of those
releases (sop_organisasi/tests/common.py, case_common.py, test_case_flow.py, test_letter.py,
test_monitoring.py; sop_survey/tests/skm_common.py, sinovik_common.py, test_sinovik_scoring.py).

Everything goes through the ORM the way users would: each record is created and each button is
pressed by the user who would do it (``with_user``); the set-up of people and OPDs is done by the
Administrator and committed before anyone works (as it is in a city: 18916d5 takes agenda numbers
in a transaction of its own, which must see the users). Dates are fixed where a release lets a user
type them; the moments stamped by the workflow itself (case and step start/finish, proposal
submission) are the time of the run.
"""

import base64
import dataclasses
import datetime
import time

from odoo import Command

D = datetime.date
PDF_STUB = base64.b64encode(b"%PDF-1.4\n% lampiran uji upgrade\n")
MARKER_LOGIN = "staf_organisasi"  # the first user created: its presence means the script already ran


@dataclasses.dataclass(frozen=True)
class Release:
    """What the fill needs to know of a release's API."""

    commit: str
    # the fields of sop.procedure holding the approving official's position, name, rank and NIP
    sop_signatory: tuple
    # the fields of sop.sinovik.competition holding the certificates' place, date, position, name, rank, NIP
    competition_signatory: tuple
    # letters are voided with a reason, their number kept void in the agenda book (18916d5)
    letter_void: bool = False
    # the SOP Administrator corrects citizens' SKM answers, each correction logged (18916d5)
    skm_correction: bool = False

    def official(self, person):
        """The values of sop.procedure's approving official fields for ``person`` (SEKDA, KABAG)."""
        return dict(zip(self.sop_signatory, (person[k] for k in OFFICIAL_KEYS), strict=True))


OFFICIAL_KEYS = ("position", "name", "rank", "nip")

# approving officials and signatories (18-digit NIPs: birth date, CPNS year+month, gender, serial)
SEKDA = {
    "position": "Plt. SEKRETARIS DAERAH KOTA MOJOKERTO",
    "name": "Dr. Ir. GENTUR PRIHANTONO S.P., M.T.",
    "rank": "Pembina Utama Madya",
    "nip": "195901091987121002",
}
KABAG = {
    "position": "KEPALA BAGIAN ORGANISASI",
    "name": "Budi Santoso, S.H., M.Si.",
    "rank": "Pembina",
    "nip": "197503122000031002",
}


# --------------------------------------------------------------------------- people
def create_people(env):
    """SOP staff, administrator, approvers and the holders of the SKJ roles (as in case_common)."""
    admin = env.ref("base.user_admin")
    aenv = env(user=admin)
    ref = env.ref
    Users = aenv["res.users"].with_context(no_reset_password=True)

    def user(login, name, groups):
        return Users.create(
            {
                "login": login,
                "name": name,
                "email": f"{login}@mojokertokota.go.id",
                "groups_id": [Command.set([ref(g).id for g in groups])],
                # portal users are told by e-mail, the others in Odoo
                "notification_type": "email" if "base.group_portal" in groups else "inbox",
            }
        )

    def person(login, name, groups, job, *, department=None, parent=None):
        account = user(login, name, groups)
        employee = aenv["hr.employee"].create(
            {
                "name": name,
                "user_id": account.id,
                "job_id": ref(job).id,
                "department_id": department and department.id,
                "parent_id": parent and parent.id,
                "work_email": account.email,
            }
        )
        return account, employee

    organisasi = ref("sop_organisasi.dept_bagian_organisasi")
    staff_group = ["sop_organisasi.group_sop_user"]
    approver_group = ["sop_organisasi.group_sop_approver"]
    people = {}
    people["staff"] = user(MARKER_LOGIN, "Sri Wahyuni", staff_group)
    people["staff"].sop_unit_ids = organisasi
    people["sop_admin"] = user("admin_sop", "Dwi Handayani", ["sop_organisasi.group_sop_manager"])
    people["sekda"], _emp = person("sekda", "Gentur Prihantono", approver_group, "sop_organisasi.job_sekda")
    people["kabag"], kabag = person(
        "kabag_organisasi", "Budi Santoso", approver_group, "sop_organisasi.job_kabag_organisasi"
    )
    people["kabag"].sop_unit_ids = organisasi
    people["kasubbag"], kasubbag = person(
        "kasubbag_kelembagaan",
        "Rina Kusumawati",
        staff_group,
        "sop_organisasi.job_kasubbag_kelembagaan",
        parent=kabag,
    )
    people["analis"], _emp = person(
        "analis_jabatan", "Agus Prasetyo", staff_group, "sop_organisasi.job_analis_jabatan", parent=kabag
    )
    # the 'Tim' role: the staff of the Bagian Organisasi
    for key, login, name in (("tim1", "tim_satu", "Eko Wibowo"), ("tim2", "tim_dua", "Nur Aini")):
        people[key], _emp = person(
            login, name, staff_group, "sop_organisasi.job_staf_organisasi", department=organisasi, parent=kasubbag
        )
    # OPD liaisons and SINOVIK jurors (two officials, one outside expert with a portal account)
    opd_user = ["sop_organisasi.group_sop_opd_user"]
    people["liaison_dinkes"] = user("penghubung_dinkes", "Lilik Suryani", opd_user)
    people["liaison_dispendik"] = user("penghubung_dispendik", "Hendra Gunawan", opd_user)
    people["liaison_dukcapil"] = user("penghubung_dukcapil", "Wahyu Hidayat", opd_user)
    people["juror1"] = user("juri_bappeda", "Ratna Dewi", ["base.group_user"])
    people["juror2"] = user("juri_inspektorat", "Bambang Sutrisno", ["base.group_user"])
    people["juror3"] = user("juri_akademisi", "Prof. Siti Rahmawati", ["base.group_portal"])
    return people


def create_opds(env, people):
    """Three OPDs with unit codes and their liaison users (Administrator's set-up)."""
    Department = env(user=env.ref("base.user_admin"))["hr.department"]
    opds = {}
    for key, name, code, liaison in (
        ("dinkes", "Dinas Kesehatan", "417.201", "liaison_dinkes"),
        ("dispendik", "Dinas Pendidikan dan Kebudayaan", "417.202", "liaison_dispendik"),
        ("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "417.203", "liaison_dukcapil"),
    ):
        opds[key] = Department.create(
            {
                "name": name,
                "is_opd": True,
                "opd_code": code,
                "liaison_user_ids": [Command.set(people[liaison].ids)],
            }
        )
    return opds


# --------------------------------------------------------------------------- SOP library
def create_approved_sop(env, release, people):
    """A new SOP drafted by the staff, submitted and validated through both tiers: effective."""
    ref = env.ref
    staff = people["staff"]
    roles = {
        "staf": ref("sop_organisasi.role_staf"),
        "kasubbag": ref("sop_organisasi.role_kasubbag_kelembagaan"),
        "kabag": ref("sop_organisasi.role_kabag_organisasi"),
    }
    procedure = (
        env["sop.procedure"]
        .with_user(staff)
        .create(
            {
                "name": "FASILITASI PENYUSUNAN SOP ADMINISTRASI PEMERINTAHAN PERANGKAT DAERAH",
                "unit_id": ref("sop_organisasi.dept_bagian_organisasi").id,
                "date_created": D(2026, 10, 5),
                "date_effective": D(2026, 11, 2),
                **release.official(KABAG),
                "role_ids": [Command.set([r.id for r in roles.values()])],
                "line_ids": [
                    Command.create({"kind": "legal", "sequence": 10, "name": "Permenpan RB Nomor 35 Tahun 2012"}),
                    Command.create(
                        {"kind": "legal", "sequence": 20, "name": "Peraturan Wali Kota Mojokerto tentang SOP AP"}
                    ),
                    Command.create({"kind": "qualification", "name": "Memahami tata naskah dinas"}),
                    Command.create({"kind": "equipment", "name": "Komputer, printer, jaringan internet"}),
                    Command.create({"kind": "warning", "name": "Jika tidak dilaksanakan, SOP OPD tidak seragam"}),
                    Command.create({"kind": "record", "name": "Buku agenda fasilitasi"}),
                ],
                "section_ids": [
                    Command.create({"code": "A", "name": "PERSIAPAN", "sequence": 10}),
                    Command.create({"code": "B", "name": "PELAKSANAAN", "sequence": 20}),
                ],
            }
        )
    )
    sections = procedure.section_ids.sorted("sequence")
    Step = env["sop.step"].with_user(staff)
    steps = []
    for section, sequence, kind, role, text, qty, unit, output in (
        (0, 10, "start", "kasubbag", "Menerima permohonan fasilitasi dari OPD", 1, "day", "Disposisi"),
        (0, 20, "process", "staf", "Menyiapkan jadwal dan bahan fasilitasi", 2, "day", "Jadwal fasilitasi"),
        (1, 10, "process", "staf", "Melaksanakan fasilitasi penyusunan SOP", 1, "week", "Konsep SOP OPD"),
        (1, 20, "decision", "kabag", "Mengoreksi dan menyetujui hasil fasilitasi", 2, "hour", "Hasil koreksi"),
        (1, 30, "end", "kasubbag", "Mengarsipkan hasil fasilitasi", 30, "minute", "Arsip"),
    ):
        steps.append(
            Step.create(
                {
                    "section_id": sections[section].id,
                    "sequence": sequence,
                    "kind": kind,
                    "role_id": roles[role].id,
                    "name": text,
                    "requirement": "Surat permohonan OPD",
                    "duration_qty": qty,
                    "duration_unit": unit,
                    "output": output,
                    # a 'no' at the decision goes back to the first step
                    "return_step_id": steps[0].id if kind == "decision" else False,
                }
            )
        )

    procedure.with_user(staff).action_submit()
    # tier 1: review by the SOP administrator; tier 2: legal approval by an approving official
    procedure.with_user(people["sop_admin"]).validate_tier()
    procedure.with_user(people["sekda"]).validate_tier()
    assert procedure.state == "effective", procedure.state
    return procedure


def complete_seeded_drafts(env, release, people):
    """The staff completes the approving official of two seeded draft SOPs (the others keep only a title).

    The second one is submitted: the administrator's review tier is validated, the legal approval
    is still pending (an SOP under review).
    """
    for xmlid in ("sop_organisasi.sop_draft_01", "sop_organisasi.sop_draft_02"):
        draft = env.ref(xmlid).with_user(people["staff"])
        draft.write({key: value for key, value in release.official(SEKDA).items() if not draft[key]})
    in_review = env.ref("sop_organisasi.sop_draft_02").with_user(people["staff"])
    in_review.write({"date_created": D(2026, 11, 16)})
    in_review.action_submit()
    in_review.with_user(people["sop_admin"]).validate_tier()
    assert in_review.state == "review", in_review.state
    return in_review


def revise_and_supersede(env, people, procedure):
    """The new SOP is revised (a shorter standard time) and the revision approved: the first version is superseded."""
    staff = people["staff"]
    action = procedure.with_user(staff).action_revise()
    revision = env["sop.procedure"].with_user(staff).browse(action["res_id"])
    revision.write({"date_revision": D(2026, 11, 26), "date_effective": D(2026, 12, 1)})
    revision.step_ids.filtered(lambda s: s.kind == "process" and s.duration_unit == "week").write(
        {"duration_qty": 3, "duration_unit": "day"}
    )
    revision.action_submit()
    revision.with_user(people["sop_admin"]).validate_tier()
    revision.with_user(people["sekda"]).validate_tier()
    assert (procedure.state, revision.state) == ("superseded", "effective"), (procedure.state, revision.state)
    return revision


# --------------------------------------------------------------------------- cases and letters
def _act(step, people, reason_no=None):
    """The first assignee performs the current step (as in test_case_flow._perform)."""
    actor = step.user_ids[:1]
    mine = step.with_user(actor)
    if step.output_is_document and not step.attachment_ids:
        attachment = (
            step.env["ir.attachment"]
            .with_user(actor)
            .create(
                {
                    "name": f"hasil_{step.code}.pdf",
                    "datas": PDF_STUB,
                    "res_model": "sop.case.step",
                    "res_id": step.id,
                }
            )
        )
        mine.write({"attachment_ids": [Command.link(attachment.id)]})
    if step.kind == "decision" and reason_no:
        mine.action_answer_no(reason=reason_no)
    elif step.kind == "decision":
        mine.action_answer_yes()
    else:
        mine.action_finish()
    if step.state == "to_approve":
        step.with_user(people["sekda"]).validate_tier()


def _run_until(case, people, stop_code=None, letters=None, no_at=None):
    """Act on the current step until ``stop_code`` is current (or the case ends).

    ``letters``: {step code: letter date}: the actor generates the step's letter first (once).
    ``no_at``: {step code: reason}: the first time, the decision is answered 'no'.
    """
    letters = dict(letters or {})
    no_at = dict(no_at or {})
    guard = 0
    while case.state == "running" and case.current_step_id.code != stop_code:
        guard += 1
        assert guard < 60, "the case must move on"
        step = case.current_step_id
        if step.code in letters:
            step.with_user(step.user_ids[:1]).action_generate_letter(date=letters.pop(step.code))
        _act(step, people, reason_no=no_at.pop(step.code, None))


def create_cases(env, release, people, opds):
    """SKJ cases: one finished (a 'no' loop, B.11 approved, letters at A.2 and B.12), one running, one draft.

    Where the release has it, the running case's first letter is voided (a wrong date) and issued again.
    """
    skj = env.ref("sop_organisasi.sop_skj")
    Case = env["sop.case"].with_user(people["staff"])

    def new_case(opd, year=2026, period=False):
        return Case.create({"procedure_id": skj.id, "opd_id": opd.id, "year": year, "period": period})

    done = new_case(opds["dinkes"])
    done.action_start()
    _run_until(
        done,
        people,
        letters={"A.2": D(2026, 3, 16), "B.12": D(2026, 6, 15)},
        no_at={"A.4": "Konsep surat pemberitahuan belum mencantumkan jadwal"},
    )
    assert done.state == "done", done.state

    running = new_case(opds["dispendik"])
    running.action_start()
    if release.letter_void:
        _run_until(running, people, stop_code="A.2")
        step = running.current_step_id
        step.with_user(step.user_ids[:1]).action_generate_letter(date=D(2026, 3, 7))
        wrong = env["sop.letter"].search([("res_model", "=", "sop.case.step"), ("res_id", "=", step.id)])
        assert len(wrong) == 1, wrong
        env["sop.letter.void.wizard"].with_user(step.user_ids[:1]).create(
            {"letter_ids": [Command.set(wrong.ids)], "reason": "Tanggal surat salah ketik"}
        ).action_void()
    _run_until(running, people, stop_code="B.3", letters={"A.2": D(2026, 3, 17)})
    assert running.current_step_id.code == "B.3"

    draft = new_case(opds["dukcapil"], period="Semester II")
    return done | running | draft


# --------------------------------------------------------------------------- monitoring and evaluation
def create_monitoring_and_evaluation(env, people, procedure):
    """Semester II monitoring of the Bagian Organisasi; evaluation of the SKJ SOP that starts its revision."""
    staff = people["staff"]
    monitoring = (
        env["sop.monitoring"]
        .with_user(staff)
        .create(
            {
                "unit_id": env.ref("sop_organisasi.dept_bagian_organisasi").id,
                "year": 2026,
                "semester": "2",
                "date": D(2026, 11, 20),
                "method": "interview_executor",
            }
        )
    )
    monitoring.action_load_procedures()
    for line in monitoring.line_ids:
        if line.procedure_id == procedure:
            line.write({"assessment": "good", "note": "Dilaksanakan sesuai SOP"})
        else:
            line.write(
                {
                    "assessment": "not_good",
                    "note": "Waktu penyelesaian melebihi standar",
                    "action": "Revisi mutu baku waktu",
                }
            )
    monitoring.action_done()  # initials the rows with the reviewer and the monitoring date

    skj = env.ref("sop_organisasi.sop_skj")
    evaluation = env["sop.evaluation"].with_user(staff).create({"procedure_id": skj.id, "date": D(2026, 11, 24)})
    lines = evaluation.line_ids.sorted("code")
    lines.write({"answer": "yes"})
    lines[2].write({"answer": "no", "note": "Terlalu banyak langkah koordinasi"})
    evaluation.write({"outcome": "revise", "action_note": "Gabungkan langkah B.3 sampai B.6"})
    evaluation.action_done()
    action = evaluation.action_start_revision()  # SKJ 'Revise': a draft revision
    revision = env["sop.procedure"].with_user(staff).browse(action["res_id"])
    revision.write({"date_revision": D(2026, 11, 25)})
    revision.step_ids.filtered(lambda s: s.kind == "start").write(
        {"name": "Menetapkan OPD sasaran penyusunan SKJ tahun berjalan"}
    )
    return monitoring, evaluation, revision


# --------------------------------------------------------------------------- SKM
def create_skm(env, release, people, opds):
    """A semester period with the SKM questionnaire, a unit with its population, answers, a follow-up.

    Where the release has it, the SOP Administrator corrects the service of an answer (logged).
    """
    staff = people["staff"]
    unit = (
        env["sop.skm.unit"]
        .with_user(staff)
        .create(
            {
                "name": "Puskesmas Kranggan",
                "code": "PKM-KRG",
                "opd_id": opds["dinkes"].id,
                "service_ids": [
                    Command.create({"name": "Pelayanan Poli Umum"}),
                    Command.create({"name": "Pelayanan Kesehatan Ibu dan Anak"}),
                ],
            }
        )
    )
    period = env["sop.skm.period"].with_user(staff).create({"year": 2026, "period_type": "semester", "number": 2})
    period.action_create_questionnaire()
    population = (
        env["sop.skm.population"]
        .with_user(staff)
        .create({"period_id": period.id, "unit_id": unit.id, "population": 250})
    )
    services = unit.service_ids.sorted("name")
    answers = env["survey.user_input"]
    for scores, gender, age, education, service in (
        ([4, 4, 3, 3, 4, 3, 4, 3, 2], "Laki-laki", 25, "S1", services[1]),
        ([3, 3, 3, 2, None, 3, 3, 3, 3], "Perempuan", 45, "SMA", services[0]),
        ([4, 3, 2, 4, 4, 4, 3, 2, 3], "Laki-laki", 33, "S1", services[1]),
        ([4, 4, 4, 4, 4, 4, 4, 3, 2], "Perempuan", 29, "D1-D3-D4", services[0]),
        ([3, 3, 3, 3, 3, 3, 3, 3, 1], "Perempuan", 61, "SD ke bawah", services[0]),
    ):
        answers |= _skm_respond(env, period, unit, scores, gender=gender, age=age, education=education, service=service)
    if release.skm_correction:
        answers[1].with_user(people["sop_admin"]).write({"skm_service_id": services[1].id})
    # an abandoned answer (not submitted)
    answers |= _skm_respond(env, period, unit, [4, 4, 4, None, None, None, None, None, None], done=False)
    followup = (
        env["sop.skm.followup"]
        .with_user(staff)
        .create(
            {
                "population_id": population.id,
                "element": "U9",
                "name": "Menyediakan kotak pengaduan daring dan menanggapi dalam 3 hari kerja",
                "user_id": people["liaison_dinkes"].id,
                "deadline": D(2027, 1, 29),
            }
        )
    )
    followup.action_start()
    return period, population, answers, followup


def _skm_respond(env, period, unit, scores, *, gender=None, age=None, education=None, service=None, done=True):
    """A public answer as the /skm form stores it (skm_common._respond): U1..U9, profile, submitted."""
    survey = period.survey_id.sudo()
    user_input = survey._create_answer(
        user=env.ref("base.public_user"),
        check_attempts=False,
        skm_unit_id=unit.id,
        skm_service_id=service.id if service else False,
        skm_period_id=period.id,
    )
    questions = {q.skm_element: q for q in survey.question_ids if q.skm_element}
    for index, score in enumerate(scores, start=1):
        question = questions[f"U{index}"]
        answer = question.suggested_answer_ids.filtered(lambda a, s=score: a.answer_score == s)
        user_input._save_lines(question, answer.id if score else False)
    profiles = {q.skm_profile: q for q in survey.question_ids if q.skm_profile}
    for code, label in (("gender", gender), ("education", education)):
        if label:
            question = profiles[code]
            user_input._save_lines(question, question.suggested_answer_ids.filtered(lambda a, v=label: a.value == v).id)
    if age is not None:
        user_input._save_lines(profiles["age"], str(age))
    if done:
        user_input._mark_done()
    return user_input


# --------------------------------------------------------------------------- SINOVIK
SECTION_TEXTS = {
    10: "Layanan jemput bola yang mendekatkan pelayanan kepada warga.",
    20: "Warga lansia dan difabel sulit datang ke kantor pelayanan.",
    30: "Pendaftaran daring lalu petugas datang ke rumah warga.",
    40: "Dilaksanakan sejak Februari 2024 di seluruh kelurahan.",
    50: "Waktu layanan turun dari lima hari menjadi satu hari.",
    60: "Belum direplikasi.",
    70: "Dapat direplikasi oleh OPD pelayanan lain.",
    80: "Dua petugas, satu kendaraan operasional dan aplikasi daring.",
    90: "Ditetapkan dengan Keputusan Kepala Dinas dan SOP pelayanan.",
}


def create_sinovik(env, release, people, opds):
    """A competition with the KIPP form: proposals of three OPDs, the desk stage scored and closed."""
    staff = people["staff"]
    Competition = env["sop.sinovik.competition"].with_user(staff)
    competition = Competition.create(
        {
            "name": "Kompetisi Inovasi Pelayanan Publik Kota Mojokerto 2026",
            "year": 2026,
            "quota_per_opd": 2,
            "category_ids": [
                Command.create({"name": "Pelayanan Publik Inklusif"}),
                Command.create({"name": "Tata Kelola Pemerintahan Digital"}),
            ],
            # the signatory of the certificates and of the announcement
            **dict(
                zip(
                    release.competition_signatory,
                    ("Mojokerto", D(2026, 11, 30), KABAG["position"], KABAG["name"], KABAG["rank"], KABAG["nip"]),
                    strict=True,
                )
            ),
        }
    )
    stages = {s.kind: s for s in competition.stage_ids}
    competition.write(
        {
            "stage_ids": [
                Command.update(stages["registration"].id, {"date_start": D(2026, 1, 5), "date_end": D(2026, 3, 31)}),
                Command.update(
                    stages["desk"].id, {"top_n": 2, "date_start": D(2026, 4, 6), "date_end": D(2026, 4, 30)}
                ),
                Command.update(stages["presentation"].id, {"date_start": D(2026, 5, 11), "date_end": D(2026, 5, 22)}),
            ]
        }
    )
    competition.action_open_registration()

    sdg = {n: env.ref(f"sop_survey.sinovik_sdg_{n:02d}") for n in (3, 4, 10, 16)}
    categories = competition.category_ids.sorted("name")
    proposals = env["sop.sinovik.proposal"]
    for liaison, opd, name, goals, category in (
        ("liaison_dinkes", "dinkes", "SIGAP LANSIA: Layanan Kesehatan Lansia di Rumah", (3, 10), categories[0]),
        ("liaison_dispendik", "dispendik", "RAPOR DIGITAL TERPADU", (4, 16), categories[1]),
        ("liaison_dukcapil", "dukcapil", "DUKCAPIL JEMPUT BOLA", (16, 10), categories[0]),
    ):
        sdgs = env["sop.sinovik.sdg"].concat(*(sdg[n] for n in goals))
        proposals |= _sinovik_proposal(competition, people[liaison], opds[opd], name, sdgs=sdgs, category=category)
    # a second idea of the Dinas Kesehatan stays a draft
    env["sop.sinovik.proposal"].with_user(people["liaison_dinkes"]).create(
        {"competition_id": competition.id, "opd_id": opds["dinkes"].id, "name": "POSYANDU PINTAR"}
    )
    dinkes, dispendik, dukcapil = proposals
    for proposal in proposals:
        proposal.with_user(proposal.create_uid).action_submit()

    # administrative selection: one proposal returned for correction and submitted again
    env["sop.sinovik.decision.wizard"].with_user(staff).create(
        {
            "proposal_ids": [Command.set(dukcapil.ids)],
            "decision": "return",
            "comment": "Lengkapi data jumlah warga terlayani pada Signifikansi.",
        }
    ).action_confirm()
    liaison = people["liaison_dukcapil"]
    significance = dukcapil.answer_ids.filtered(lambda a: a.section_id.sequence == 50)
    dukcapil.with_user(liaison).write(
        {"answer_ids": [Command.update(significance.id, {"text": "Sebanyak 1.250 warga terlayani pada 2025."})]}
    )
    dukcapil.with_user(liaison).action_submit()
    competition.action_start_evaluation()
    proposals.with_user(staff).action_accept()

    # desk evaluation: three jurors score every proposal (criteria weights 25/20/20/15/20, 0..100)
    desk = stages["desk"]
    jurors = people["juror1"] | people["juror2"] | people["juror3"]
    env["sop.sinovik.assign.wizard"].with_user(staff).create(
        {"stage_id": desk.id, "proposal_ids": [Command.set(proposals.ids)], "juror_ids": [Command.set(jurors.ids)]}
    ).action_assign()
    marks = {
        dinkes: ((85, 80, 90, 70, 80), (80, 75, 85, 70, 75), (90, 85, 80, 75, 85)),
        dispendik: ((70, 75, 70, 60, 65), (75, 70, 65, 60, 70), (65, 70, 75, 55, 60)),
        dukcapil: ((80, 85, 80, 80, 75), (85, 80, 75, 70, 80), (75, 80, 85, 75, 70)),
    }
    for proposal, by_juror in marks.items():
        for juror, values in zip(jurors, by_juror, strict=True):
            _sinovik_score(desk, proposal, juror, values)
    desk.with_user(staff).action_close()  # top 2 advance to the presentation, one is eliminated

    # presentation: assigned; one juror has entered scores without finishing
    presentation = stages["presentation"]
    env["sop.sinovik.assign.wizard"].with_user(staff).create(
        {
            "stage_id": presentation.id,
            "proposal_ids": [Command.set(presentation._stage_proposals().ids)],
            "juror_ids": [Command.set(jurors.ids)],
        }
    ).action_assign()
    first = presentation.assignment_ids.filtered(lambda a: a.juror_id == people["juror1"]).sorted("id")[:1]
    for line, value in zip(first.score_ids.sorted(lambda s: (s.sequence, s.id)), (80, 75), strict=True):
        line.with_user(people["juror1"]).score = value
    return competition


def _sinovik_proposal(competition, liaison, opd, name, *, sdgs, category):
    """The OPD liaison writes a complete proposal (sinovik_common._proposal/_complete)."""
    proposal = (
        competition.env["sop.sinovik.proposal"]
        .with_user(liaison)
        .create({"competition_id": competition.id, "opd_id": opd.id, "name": name})
    )
    proposal.write(
        {
            "start_date": D(2024, 2, 1),
            "group_id": competition.group_ids[:1].id,
            "category_id": category.id,
            "sdg_ids": [Command.set(sdgs.ids)],
            "video_url": "https://youtu.be/inovasi-mojokerto",
            "answer_ids": [
                Command.update(a.id, {"text": SECTION_TEXTS[a.section_id.sequence]}) for a in proposal.answer_ids
            ],
            "document_ids": [
                Command.update(d.id, {"datas": PDF_STUB, "filename": f"lampiran_{d.type_id.sequence}.pdf"})
                for d in proposal.document_ids
            ],
        }
    )
    return proposal


def _sinovik_score(stage, proposal, juror, values):
    """The juror enters the scores (in criterion order) of their assignment and marks it done."""
    assignment = stage.assignment_ids.filtered(lambda a: a.proposal_id == proposal and a.juror_id == juror)
    lines = assignment.score_ids.sorted(lambda s: (s.sequence, s.id))
    for line, value in zip(lines, values, strict=True):
        line.with_user(juror).score = value
    assignment.with_user(juror).action_done()


# --------------------------------------------------------------------------- main
def check_signatories(env, release, before):
    """Every SOP keeps the approving official it had (the seeded SKJ all four fields, the seeded drafts a title)."""
    for procedure in env["sop.procedure"].with_context(active_test=False).search([]):
        kept = before.get(procedure.id, {})
        for name in release.sop_signatory:
            assert not kept.get(name) or procedure[name] == kept[name], (procedure.display_name, name)


def main(env, release, more=None):
    """Fill the database; ``more(env, people, opds)`` adds the data of the release's other addons."""
    started = time.perf_counter()
    # no mail server here: notifications stay queued instead of being sent (and failing) at once
    env = env(context=dict(env.context, mail_notify_force_send=False))
    if env["res.users"].with_context(active_test=False).search_count([("login", "=", MARKER_LOGIN)]):
        raise RuntimeError(f"user {MARKER_LOGIN!r} exists: this database was already filled")
    before = {
        p.id: {name: p[name] for name in release.sop_signatory}
        for p in env["sop.procedure"].with_context(active_test=False).search([])
    }

    people = create_people(env)
    opds = create_opds(env, people)
    env.cr.commit()  # the Administrator's set-up is saved before anyone works
    procedure = create_approved_sop(env, release, people)
    in_review = complete_seeded_drafts(env, release, people)
    cases = create_cases(env, release, people, opds)
    _monitoring, _evaluation, skj_revision = create_monitoring_and_evaluation(env, people, procedure)
    new_version = revise_and_supersede(env, people, procedure)
    create_skm(env, release, people, opds)
    competition = create_sinovik(env, release, people, opds)
    extra = more(env, people, opds) if more else ""
    check_signatories(env, release, before)
    env.flush_all()
    env.cr.commit()

    counts = {
        model: env[model].with_context(active_test=False).search_count([])
        for model in (
            "sop.procedure",
            "sop.step",
            "sop.case",
            "sop.case.step",
            "sop.case.history",
            "sop.letter",
            "sop.letter.agenda",
            "sop.monitoring",
            "sop.monitoring.line",
            "sop.evaluation",
            "sop.skm.period",
            "sop.skm.population",
            "survey.user_input",
            "sop.skm.followup",
            "sop.skm.correction",
            "sop.sinovik.competition",
            "sop.sinovik.proposal",
            "sop.sinovik.assignment",
            "sop.sinovik.score",
            "sop.sinovik.result",
            "sop.jabatan.task",
        )
        if model in env  # the models of the release
    }
    summary = ", ".join(f"{model}={count}" for model, count in counts.items())
    print(
        f"fill release {release.commit[:7]}: {summary}; SOP {procedure.number} rev {procedure.revision_no} {procedure.state} "
        f"-> rev {new_version.revision_no} {new_version.state}, {in_review.number} {in_review.state}, "
        f"SKJ rev {skj_revision.revision_no} {skj_revision.state}, "
        f"cases {'/'.join(cases.mapped('state'))}, competition {competition.state}{extra} "
        f"({time.perf_counter() - started:.1f}s)"
    )
