// Progressive enhancement only: every page works without this script (the main menu is then an open list).
(function () {
  "use strict";

  // The main menu folds behind a disclosure button on small screens (WAI-ARIA disclosure pattern).
  function setUpMenu() {
    var button = document.querySelector(".meent-menu-button");
    var list = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!list) return;
    var narrow = window.matchMedia("(max-width: 47.99em)");
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      list.hidden = !open && narrow.matches;
    }
    button.hidden = false;
    set(false);
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    list.parentElement.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && narrow.matches) {
        set(false);
        button.focus();
      }
    });
    narrow.addEventListener("change", function () {
      set(false);
    });
  }

  // A wide table scrolls inside its own container; keyboard users reach it with Tab, screen readers hear its
  // caption. Containers the templates did not mark yet get the same attributes here.
  function setUpTables() {
    document.querySelectorAll(".utrecht-table-container:not([tabindex])").forEach(function (container, i) {
      var caption = container.querySelector("caption");
      if (!caption) return;
      if (!caption.id) caption.id = "meent-table-caption-" + i;
      container.setAttribute("role", "region");
      container.setAttribute("aria-labelledby", caption.id);
      container.tabIndex = 0;
    });
  }

  function start() {
    setUpMenu();
    setUpTables();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
