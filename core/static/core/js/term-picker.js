// Narrows a list of ticked boxes (topics, mechanisms...) to the terms whose name contains
// what is typed, accents and case aside. Hidden boxes stay in the form, ticked or not.
(() => {
  const fold = (text) =>
    text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

  function setUp(picker) {
    if (picker.dataset.termPickerReady) return;
    picker.dataset.termPickerReady = "true";
    const search = picker.querySelector("[data-term-picker-search]");
    const count = picker.querySelector("[data-term-picker-count]");
    const options = [...picker.querySelectorAll("input[type=checkbox]")].map((box) => ({
      row: box.closest("div"),
      name: fold(box.closest("label")?.textContent || ""),
    }));
    search.closest("[hidden]").hidden = false;
    search.addEventListener("input", () => {
      const query = fold(search.value);
      let shown = 0;
      for (const option of options) {
        option.row.hidden = query !== "" && !option.name.includes(query);
        if (!option.row.hidden) shown += 1;
      }
      count.textContent = query
        ? picker.dataset.countTemplate
            .replace("%(shown)s", shown)
            .replace("%(total)s", options.length)
        : "";
    });
    // Enter in the box would submit the whole page form.
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  const start = () => document.querySelectorAll("[data-term-picker]").forEach(setUp);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
