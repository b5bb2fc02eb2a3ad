"""Standar Pelayanan (Permenpan RB 15/2014): its 14 components and the SKM elements measuring them, as data.

No ORM here. The six service-delivery components are shown to the public (the board); the eight
management components complete the decree's lampiran. Each SKM element (Permenpan RB 14/2017,
codes of :mod:`.skm_questionnaire`) measures one component: the report puts the element's value
beside it and a follow-up plan of a weak element names it as the component to change.
"""

DELIVERY = "delivery"
MANAGEMENT = "management"

# (key, label, part): in the order of the regulation's lampiran
COMPONENTS = (
    ("requirements", "Requirements", DELIVERY),
    ("procedure", "System, Mechanism and Procedure", DELIVERY),
    ("time", "Service Time", DELIVERY),
    ("cost", "Cost/Tariff", DELIVERY),
    ("product", "Service Product", DELIVERY),
    ("complaints", "Handling of Complaints, Suggestions and Input", DELIVERY),
    ("legal_basis", "Legal Basis", MANAGEMENT),
    ("facilities", "Facilities and Infrastructure", MANAGEMENT),
    ("competence", "Staff Competence", MANAGEMENT),
    ("supervision", "Internal Supervision", MANAGEMENT),
    ("staff_count", "Number of Staff", MANAGEMENT),
    ("guarantee", "Service Guarantee", MANAGEMENT),
    ("safety", "Security and Safety Guarantee", MANAGEMENT),
    ("evaluation", "Staff Performance Evaluation", MANAGEMENT),
)

COMPONENT_SELECTION = [(key, label) for key, label, _part in COMPONENTS]
COMPONENT_KEYS = tuple(key for key, _label, _part in COMPONENTS)
DELIVERY_KEYS = tuple(key for key, _label, part in COMPONENTS if part == DELIVERY)
MANAGEMENT_KEYS = tuple(key for key, _label, part in COMPONENTS if part == MANAGEMENT)

# SKM element code -> the component it measures. The codes follow skm_questionnaire.SKM_ELEMENTS
# (U8 "Sarana dan Prasarana", U9 "Penanganan Pengaduan"): the element's meaning decides, not its
# position. Staff conduct (U7) has no component of its own: it is changed through the staff's
# performance evaluation.
ELEMENT_COMPONENT = {
    "U1": "requirements",
    "U2": "procedure",
    "U3": "time",
    "U4": "cost",
    "U5": "product",
    "U6": "competence",
    "U7": "evaluation",
    "U8": "facilities",
    "U9": "complaints",
}

# the Maklumat Pelayanan's usual wording (work-products.md)
MAKLUMAT_DEFAULT = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
    "ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai dengan peraturan "
    "perundang-undangan yang berlaku."
)


def component_of_element(code):
    """The component key an SKM element measures (``None`` for an unknown code)."""
    return ELEMENT_COMPONENT.get(code)


def elements_of_component(key):
    """The SKM element codes measuring the component ``key``, in code order."""
    return tuple(sorted(code for code, component in ELEMENT_COMPONENT.items() if component == key))


def format_amount(amount):
    """``Rp 150.000`` / ``Rp 7.500,50`` (Indonesian grouping); ``""`` for none."""
    if amount is None or amount is False:
        return ""
    whole = int(abs(amount))
    cents = round((abs(amount) - whole) * 100)
    if cents == 100:
        whole, cents = whole + 1, 0
    text = f"{whole:,}".replace(",", ".")
    if cents:
        text += f",{cents:02d}"
    return f"Rp {'-' if amount < 0 else ''}{text}"
