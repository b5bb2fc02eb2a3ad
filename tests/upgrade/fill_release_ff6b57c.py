"""Fill a database of the release of commit ff6b57c (sop_organisasi 18.0.2.1.0, sop_survey 18.0.1.1.0,
sop_jabatan 18.0.1.0.0).

sop_organisasi and sop_survey as in 18916d5 (signatories, voided letters, logged SKM corrections:
fill_release.py). On top, the job data of that release's sop_jabatan, through its API: a post
(``hr.job``) holds its tasks (``sop.jabatan.task`` with ``post_id``), its kind, code, post above and
one ``abk_year``; its figures (workload, staff needed raw and rounded, staff in post by
``hr.employee.employment_status``, EJ and band) are computed on the post from the JKE and band tables.
The liaisons of two OPDs fill their posts (one OPD with posts of two ABK years), the division staff two
posts without an OPD that have tasks (one without a unit, one in a unit under no OPD), the Administrator (HR) records the employees, and the
SOP Administrator changes the settings (a JKE row from 2025 rounding up, bands D and E moved), which
recomputes every post. The figures are checked here against the arithmetic, so the upgrade test
starts from known values.

    odoo -d upg_fill -i sop_organisasi,sop_survey,sop_jabatan --stop-after-init --load-language=id_ID ...
    SOP_UPGRADE_DIR=tests/upgrade odoo shell -d upg_fill --no-http < tests/upgrade/fill_release_ff6b57c.py
"""

import os
import sys

from odoo import Command

sys.path.insert(0, os.environ.get("SOP_UPGRADE_DIR") or "tests/upgrade")
import fill_release  # found through SOP_UPGRADE_DIR (odoo shell reads this file from stdin)

SIGNATORY = ("signatory_position", "signatory_name", "signatory_rank", "signatory_nip")
RELEASE = fill_release.Release(
    commit="ff6b57c5a1ad53f3d38728dbbb2643b17da8fe0a",
    sop_signatory=SIGNATORY,
    competition_signatory=("signatory_place", "signatory_date", *SIGNATORY),
    letter_void=True,
    skm_correction=True,
)

# the worked example of docs/jabatan.md (a teacher post): 44,760 minutes a year
TEACHER_TASKS = [
    ("Menyusun program tahunan", 2, 8, "hours"),
    ("Melaksanakan pembelajaran", 864, 45, "minutes"),
    ("Menyusun evaluasi", 8, 120, "minutes"),
    ("Memeriksa tugas", 288, 5, "minutes"),
    ("Melaksanakan remedial", 8, 90, "minutes"),
    ("Menyusun laporan semester", 2, 180, "minutes"),
    ("Membimbing kegiatan", 12, 120, "minutes"),
]


def _post(env, user, name, unit, year, *, tasks=(), **vals):
    """``user`` creates a post with its tasks in one save (as the post form does)."""
    return (
        env["hr.job"]
        .with_user(user)
        .create(
            {
                "name": name,
                "department_id": unit.id if unit else False,
                "abk_year": year,
                "task_ids": [
                    Command.create(
                        {
                            "sequence": 10 * number,
                            "name": task,
                            "result": f"Dokumen {task.lower()}",
                            "result_unit": "dokumen",
                            "volume": volume,
                            "standard_time": time,
                            "time_unit": unit_of_time,
                        }
                    )
                    for number, (task, volume, time, unit_of_time) in enumerate(tasks, start=1)
                ],
                **vals,
            }
        )
    )


def _staff(env, post, statuses):
    """The Administrator (HR) records the employees of a post with their civil service status."""
    admin = env(user=env.ref("base.user_admin"))
    return admin["hr.employee"].create(
        [
            {"name": f"Pegawai {number} {post.name}", "job_id": post.id, "employment_status": status}
            for number, status in enumerate(statuses, start=1)
        ]
    )


def create_jabatan(env, people, opds):
    """Posts of the Dinas Kesehatan (2026) and the Dinas Pendidikan (2025 and 2024), a post without an OPD."""
    admin = env(user=env.ref("base.user_admin"))
    bidang = admin["hr.department"].create({"name": "Bidang Pelayanan Kesehatan", "parent_id": opds["dinkes"].id})
    staf_ahli = admin["hr.department"].create({"name": "Staf Ahli Wali Kota"})  # a unit under no OPD
    env.cr.commit()  # the Administrator's set-up is saved before anyone works
    dinkes, dispendik, staff = people["liaison_dinkes"], people["liaison_dispendik"], people["staff"]
    posts = {}
    posts["kadinkes"] = _post(
        env, dinkes, "Kepala Dinas Kesehatan", opds["dinkes"], 2026, job_kind="jpt_pratama", job_code="JPT.01"
    )
    posts["kabid"] = _post(
        env,
        dinkes,
        "Kepala Bidang Pelayanan Kesehatan",
        bidang,
        2026,
        tasks=[
            ("Menyusun rencana kerja bidang", 1, 40, "hours"),
            ("Mengoordinasikan pelayanan puskesmas", 48, 6, "hours"),
            ("Menandatangani laporan bulanan", 12, 30, "minutes"),
        ],
        job_kind="administrator",
        job_code="ADM.01",
        parent_id=posts["kadinkes"].id,
    )
    posts["data"] = _post(
        env,
        dinkes,
        "Pengelola Data Kesehatan",
        bidang,
        2026,
        tasks=[
            ("Mengolah data kunjungan puskesmas", 2400, 30, "minutes"),
            ("Memverifikasi data imunisasi", 1200, 45, "minutes"),
            ("Menyusun profil kesehatan", 1, 160, "hours"),
            ("Memutakhirkan aplikasi pelaporan", 250, 1.5, "hours"),
        ],
        job_kind="pelaksana",
        job_code="PL.01",
        parent_id=posts["kabid"].id,
    )
    posts["epidemiolog"] = _post(  # a post without staff: its efficiency is undefined
        env,
        dinkes,
        "Epidemiolog Kesehatan Ahli Pertama",
        bidang,
        2026,
        tasks=[
            ("Melakukan penyelidikan epidemiologi", 24, 16, "hours"),
            ("Menyusun laporan surveilans", 52, 240, "minutes"),
        ],
        job_kind="fungsional",
        functional_level="ahli_pertama",
        job_code="JF.01",
        parent_id=posts["kabid"].id,
    )
    posts["kabid_sd"] = _post(
        env,
        dispendik,
        "Kepala Bidang Pembinaan SD",
        opds["dispendik"],
        2025,
        tasks=[("Menyusun rencana pembinaan SD", 2, 20, "hours"), ("Membina kepala sekolah", 96, 180, "minutes")],
        job_kind="administrator",
        job_code="ADM.02",
    )
    posts["guru"] = _post(
        env,
        dispendik,
        "Guru Kelas",
        opds["dispendik"],
        2025,
        tasks=TEACHER_TASKS,
        job_kind="fungsional",
        functional_level="ahli_pertama",
        job_code="JF.02",
        parent_id=posts["kabid_sd"].id,
    )
    posts["admin_umum"] = _post(  # ten tasks of 0.3 staff each: 3 staff, rounded once for the post
        env,
        dispendik,
        "Pengadministrasi Umum",
        opds["dispendik"],
        2024,
        tasks=[(f"Mengadministrasikan surat jenis {number}", 100, 225, "minutes") for number in range(1, 11)],
        job_kind="pelaksana",
        job_code="PL.02",
        parent_id=posts["kabid_sd"].id,
    )
    posts["orphan"] = _post(  # no unit, so no OPD: only the division staff (and HR) may edit it
        env,
        staff,
        "Tenaga Ahli Percepatan Reformasi Birokrasi",
        False,
        2026,
        tasks=[
            ("Menyusun kajian reformasi birokrasi", 6, 30, "hours"),
            ("Memberi masukan kebijakan", 24, 90, "minutes"),
        ],
        job_kind="pelaksana",
        job_code="TA.01",
    )
    posts["staf_ahli"] = _post(  # a unit under no OPD: no OPD either
        env,
        staff,
        "Staf Ahli Bidang Pemerintahan",
        staf_ahli,
        2025,
        tasks=[("Menyusun telaahan staf", 12, 8, "hours")],
        job_kind="jpt_pratama",
        job_code="SA.01",
    )
    assert not posts["orphan"].opd_id and not posts["staf_ahli"].opd_id and posts["data"].opd_id == opds["dinkes"]

    _staff(env, posts["kadinkes"], ["pns"])
    _staff(env, posts["kabid"], ["pns"])
    _staff(env, posts["data"], ["pns", "pppk", "other", False])
    _staff(env, posts["kabid_sd"], ["pns"])
    _staff(env, posts["guru"], ["pns", "pns", "pns", "pppk", False])
    _staff(env, posts["admin_umum"], ["pns", "pppk"])
    _staff(env, posts["orphan"], ["other"])
    _staff(env, posts["staf_ahli"], ["pns"])
    gone = _staff(env, posts["data"], ["pns"])
    gone.action_archive()  # a retired employee no longer counts

    # the liaison corrects a task and adds one (the post form's lines)
    data = posts["data"].with_user(dinkes)
    data.task_ids.filtered(lambda t: t.sequence == 20).write({"volume": 1300})
    data.write(
        {"task_ids": [Command.create({"sequence": 50, "name": "Entri data SPM", "volume": 500, "standard_time": 12})]}
    )

    # the SOP Administrator: a JKE from 2025 rounding up, bands D and E meet at 0.45 (every post recomputed)
    sop_admin = people["sop_admin"]
    env["sop.jabatan.jke"].with_user(sop_admin).create(
        {"year_from": 2025, "minutes": 75000, "rounding": "up", "source": "Keputusan Wali Kota Mojokerto (uji upgrade)"}
    )
    env.ref("sop_jabatan.band_d").with_user(sop_admin).write({"lower": 0.45})
    env.ref("sop_jabatan.band_e").with_user(sop_admin).write({"upper": 0.45})
    env.flush_all()

    _check_figures(env, posts)
    with_tasks = [post for post in posts.values() if post.task_ids]
    return (
        f", jabatan: {len(posts)} posts ({len(with_tasks)} with "
        f"{sum(len(post.task_ids) for post in with_tasks)} tasks; "
        + "; ".join(
            f"{post.job_code} {post.abk_year} {post.staff_need_raw} {post.efficiency_text}" for post in with_tasks
        )
        + ")"
    )


def _check_figures(env, posts):
    """The figures the release computed, against the arithmetic (JKE 75,000 minutes from 2020)."""
    env.invalidate_all()
    expected = {
        # post: (workload, staff needed raw, rounded, staff in post, PNS, PPPK, other, EJ defined, band)
        # 2026 and 2025 round up (the administrator's JKE row), 2024 half up
        "kabid": (40 * 60 + 48 * 360 + 12 * 30, 0.2672, 1, 1, 1, 0, 0, True, "E"),
        "data": (2400 * 30 + 1300 * 45 + 160 * 60 + 250 * 90 + 500 * 12, 2.248, 3, 4, 1, 1, 2, True, "D"),
        "epidemiolog": (24 * 960 + 52 * 240, 0.4736, 1, 0, 0, 0, 0, False, False),
        "kabid_sd": (2 * 1200 + 96 * 180, 0.2624, 1, 1, 1, 0, 0, True, "E"),
        "guru": (44760, 0.5968, 1, 5, 3, 1, 1, True, "E"),
        "admin_umum": (225000, 3.0, 3, 2, 1, 1, 0, True, "A"),
        "orphan": (6 * 1800 + 24 * 90, 0.1728, 1, 1, 0, 0, 1, True, "E"),
        "staf_ahli": (12 * 480, 0.0768, 1, 1, 1, 0, 0, True, "E"),
    }
    for key, (workload, raw, need, in_post, pns, pppk, other, defined, band) in expected.items():
        post = posts[key]
        found = (
            post.workload_minutes,
            post.staff_need_raw,
            post.staff_need,
            post.staff_in_post,
            post.staff_pns,
            post.staff_pppk,
            post.staff_other,
            post.efficiency_defined,
            post.efficiency_band_id.code,
        )
        assert found == (workload, raw, need, in_post, pns, pppk, other, defined, band), (key, found)
    assert not posts["kadinkes"].task_ids and posts["kadinkes"].staff_in_post == 1


fill_release.main(env, RELEASE, more=create_jabatan)  # noqa: F821 - defined by odoo shell
