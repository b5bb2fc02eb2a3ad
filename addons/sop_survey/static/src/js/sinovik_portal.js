/** @odoo-module **/
// Live word counters for the SINOVIK proposal sections in the portal.
const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function countWords(text) {
    return (text.match(WORD_RE) || []).length;
}

function update(textarea) {
    const counter = textarea.parentElement.querySelector(".o_sinovik_word_count");
    if (!counter) {
        return;
    }
    const words = countWords(textarea.value);
    const max = parseInt(textarea.dataset.maxWords || "0", 10);
    counter.textContent = String(words);
    counter.classList.toggle("text-danger", Boolean(max && words > max));
}

document.addEventListener("input", (ev) => {
    if (ev.target.matches && ev.target.matches("textarea.o_sinovik_words")) {
        update(ev.target);
    }
});
