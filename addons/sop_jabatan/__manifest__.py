{
    "name": "SOP Job Analysis and Workload (ANJAB/ABK)",
    "summary": "Posts of the OPDs with their tasks, workload, staff need and job efficiency "
    "(ANJAB/ABK, Permenpan RB 1/2020)",
    "version": "18.0.1.0.0",
    "category": "Productivity/SOP",
    "author": "Bagian Organisasi SOP Team",
    "website": "https://github.com/sop-organisasi",
    "license": "LGPL-3",
    "depends": ["sop_organisasi", "hr"],
    "data": [
        "security/ir.model.access.csv",
        "security/sop_jabatan_security.xml",
        "data/sop_jabatan_settings_data.xml",
        "views/sop_jabatan_menus.xml",
        "views/hr_job_views.xml",
        "views/hr_department_views.xml",
        "views/sop_jabatan_settings_views.xml",
    ],
    "installable": True,
}
