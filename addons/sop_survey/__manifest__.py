{
    "name": "SOP Surveys (SKM and SINOVIK)",
    "summary": "Public satisfaction surveys (SKM, Permenpan RB 14/2017) and the SINOVIK "
    "innovation competition on top of the SOP library",
    "version": "18.0.0.1.0",
    "category": "Productivity/SOP",
    "author": "Bagian Organisasi SOP Team",
    "website": "https://github.com/sop-organisasi",
    "license": "LGPL-3",
    "depends": ["sop_organisasi", "survey", "portal"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "installable": True,
}
