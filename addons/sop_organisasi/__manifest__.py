{
    "name": "SOP Administrasi Pemerintahan",
    "summary": "Library of government SOPs (SOP AP, Permenpan RB 35/2012) "
    "with versions, tier approval and executor roles",
    "version": "18.0.1.0.0",
    "category": "Productivity/SOP",
    "author": "Bagian Organisasi SOP Team",
    "website": "https://github.com/sop-organisasi",
    "license": "LGPL-3",
    "depends": ["mail", "hr", "base_tier_validation"],
    "data": [
        "security/sop_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/hr_department_data.xml",
        "data/sop_role_data.xml",
        "data/tier_definition_data.xml",
        "views/sop_role_views.xml",
        "views/sop_step_views.xml",
        "views/sop_procedure_views.xml",
        "views/hr_department_views.xml",
        "views/res_users_views.xml",
        "views/sop_menus.xml",
        "data/sop_procedure_skj_data.xml",
        "data/sop_procedure_draft_data.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sop_organisasi/static/src/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
