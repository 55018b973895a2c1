// Progressive enhancement only: without this file every link and form still works.
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");

  // Filters beside the results on a wide screen, folded away on a phone.
  const wide = window.matchMedia("(width > 56em)");
  function unfoldFilters() {
    document.querySelectorAll("[data-filters-panel]").forEach(function (panel) {
      panel.open = wide.matches;
    });
  }
  wide.addEventListener("change", unfoldFilters);
  unfoldFilters();

  const toggle = document.querySelector(".menu-toggle");
  const navigation = document.getElementById("site-navigation");
  if (!toggle || !navigation) return;

  const narrow = window.matchMedia("(max-width: 48em)");
  function collapse(collapsed) {
    navigation.dataset.collapsed = String(collapsed);
    toggle.setAttribute("aria-expanded", String(!collapsed));
  }
  function sync() {
    toggle.hidden = !narrow.matches;
    collapse(narrow.matches);
  }
  toggle.addEventListener("click", function () {
    collapse(toggle.getAttribute("aria-expanded") === "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" && narrow.matches) {
      collapse(true);
      toggle.focus();
    }
  });
  narrow.addEventListener("change", sync);
  sync();
})();
