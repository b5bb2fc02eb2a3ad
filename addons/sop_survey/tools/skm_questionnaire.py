"""Model questionnaire of the SKM (Permenpan RB 14/2017), as data.

The 9 elements (unsur) are stored by code (U1..U9), never by position: apps
differ on the order of "sarana" and "pengaduan". Each element has 4 answer
labels scored 1..4. The profile questions describe the respondent.
"""

# (code, element name, question, (labels for 1, 2, 3, 4))
SKM_ELEMENTS = (
    (
        "U1",
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    (
        "U2",
        "Sistem, Mekanisme, dan Prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    (
        "U3",
        "Waktu Penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    (
        "U4",
        "Biaya/Tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    (
        "U5",
        "Produk Spesifikasi Jenis Pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
        "standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    (
        "U6",
        "Kompetensi Pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    (
        "U7",
        "Perilaku Pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    (
        "U8",
        "Sarana dan Prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat Baik"),
    ),
    (
        "U9",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
)

SKM_ELEMENT_SELECTION = [(code, f"{code} - {name}") for code, name, _q, _l in SKM_ELEMENTS]

SKM_PROFILE_SELECTION = [
    ("gender", "Gender"),
    ("age", "Age"),
    ("education", "Education"),
    ("occupation", "Occupation"),
    ("service", "Service received"),
    ("date", "Survey date"),
    ("time", "Survey time"),
    ("suggestion", "Suggestion"),
]

# (profile code, survey question type, question, choices or None, mandatory)
SKM_PROFILE_QUESTIONS = (
    ("gender", "simple_choice", "Jenis kelamin", ("Laki-laki", "Perempuan"), True),
    ("age", "numerical_box", "Umur (tahun)", None, True),
    (
        "education",
        "simple_choice",
        "Pendidikan terakhir",
        ("SD ke bawah", "SMP", "SMA", "D1-D3-D4", "S1", "S2 ke atas"),
        True,
    ),
    ("occupation", "simple_choice", "Pekerjaan utama", ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"), True),
    ("service", "char_box", "Jenis layanan yang diterima", None, False),
    ("date", "date", "Tanggal survei", None, False),
    ("time", "simple_choice", "Jam survei", ("08.00-12.00", "13.00-17.00"), False),
)

SKM_SUGGESTION_QUESTION = "Saran dan masukan untuk perbaikan pelayanan"

# Age bands of the report (lower bound inclusive, upper bound inclusive, label)
SKM_AGE_BANDS = (
    (0, 19, "< 20"),
    (20, 29, "20-29"),
    (30, 39, "30-39"),
    (40, 49, "40-49"),
    (50, 59, "50-59"),
    (60, 200, ">= 60"),
)
