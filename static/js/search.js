// Search page enhancements; without this file the form submits and every link works.
(function () {
  "use strict";
  const form = document.querySelector("[data-search-form]");
  if (!form || !window.fetch || !window.DOMParser) return;

  const announcer = document.getElementById("search-announcer");
  let pending = null;

  function queryString() {
    const data = new URLSearchParams(new FormData(form));
    for (const [key, value] of Array.from(data.entries())) {
      if (value === "") data.delete(key);
    }
    return data.toString();
  }

  async function update(url) {
    if (pending) pending.abort();
    pending = new AbortController();
    form.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } });
      const html = await response.text();
      const next = new DOMParser().parseFromString(html, "text/html").querySelector("[data-search-form]");
      if (!next) return;
      const active = document.activeElement;
      const focusKey = active && active.name ? [active.name, active.value] : null;
      const panel = form.querySelector("[data-filters-panel]");
      const unfolded = panel ? panel.open : null;
      const showingAll = Array.from(form.querySelectorAll("[data-facet] > .filters__more[open]"), (more) => more.parentElement.dataset.facet);
      form.innerHTML = next.innerHTML;
      // The new filters arrive folded; keep them (and each long list) as the visitor left them.
      const replaced = form.querySelector("[data-filters-panel]");
      if (replaced && unfolded !== null) replaced.open = unfolded;
      for (const name of showingAll) {
        const more = form.querySelector(`[data-facet="${CSS.escape(name)}"] > .filters__more`);
        if (more) more.open = true;
      }
      history.replaceState(null, "", url);
      if (focusKey) {
        const again = Array.from(form.elements).find((el) => el.name === focusKey[0] && (el.type !== "checkbox" || el.value === focusKey[1]));
        if (again) again.focus();
      }
      const count = form.querySelector("[data-count]");
      if (announcer && count) announcer.textContent = count.textContent;
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
    } finally {
      form.removeAttribute("aria-busy");
    }
  }

  // Filters apply as soon as they change; the text box waits for Enter or the button.
  form.addEventListener("change", function (event) {
    if (event.target.name === "q") return;
    update(form.action + "?" + queryString());
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(form.action + "?" + queryString());
  });
  form.addEventListener("click", function (event) {
    const link = event.target.closest("a[href^='?']");
    if (!link || !form.contains(link)) return;
    event.preventDefault();
    update(form.action + link.getAttribute("href"));
  });

  // Suggestions (titles and topics) while typing, offered through a native datalist.
  const input = form.querySelector("input[name='q']");
  const endpoint = form.dataset.autocomplete;
  if (input && endpoint) {
    const list = document.createElement("datalist");
    list.id = "search-suggestions";
    document.body.appendChild(list);
    input.setAttribute("list", list.id);
    let timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(async function () {
        if (input.value.trim().length < 2) return;
        const response = await fetch(endpoint + "?q=" + encodeURIComponent(input.value));
        const data = await response.json();
        list.replaceChildren(...data.suggestions.map((item) => new Option(item.label)));
      }, 200);
    });
  }
})();
