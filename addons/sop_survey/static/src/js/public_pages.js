/** @odoo-module **/
// /layanan: the search box shows the services (and their units) whose name or unit matches what is typed.
function normalize(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
}

function filterServices(input) {
    const words = normalize(input.value).split(/\s+/).filter(Boolean);
    const list = document.querySelector(".o_sop_layanan_list");
    if (!list) {
        return;
    }
    let shown = 0;
    for (const unit of list.querySelectorAll(".o_sop_layanan_unit")) {
        const unitText = normalize(unit.dataset.search);
        let unitShown = 0;
        for (const service of unit.querySelectorAll(".o_sop_layanan_service")) {
            const text = `${unitText} ${normalize(service.dataset.search)}`;
            const match = words.every((word) => text.includes(word));
            service.classList.toggle("d-none", !match);
            unitShown += match ? 1 : 0;
        }
        unit.classList.toggle("d-none", !unitShown);
        shown += unitShown;
    }
    const status = document.querySelector(".o_sop_layanan_count");
    if (status) {
        status.textContent = words.length ? `${shown} layanan ditemukan.` : "";
    }
}

document.addEventListener("input", (ev) => {
    if (ev.target instanceof HTMLInputElement && ev.target.id === "o_sop_layanan_search") {
        filterServices(ev.target);
    }
});
