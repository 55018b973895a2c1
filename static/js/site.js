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

  // The menu is a native disclosure, folded on a phone; open it on wide screens for browsers
  // whose CSS cannot unfold it, and let Escape fold it again on a phone.
  const menu = document.querySelector("[data-site-menu]");
  if (!menu) return;
  const narrow = window.matchMedia("(max-width: 48em)");
  function sync() {
    menu.open = !narrow.matches;
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && narrow.matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
  narrow.addEventListener("change", sync);
  sync();
})();
