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

  // One drop-down of the main menu open at a time; Escape or a click elsewhere closes it (the <details> itself
  // already opens and closes by keyboard).
  function setUpMenuGroups() {
    var groups = Array.prototype.slice.call(document.querySelectorAll(".meent-nav__details"));
    groups.forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (!details.open) return;
        groups.forEach(function (other) {
          if (other !== details) other.open = false;
        });
      });
      details.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && details.open) {
          details.open = false;
          details.querySelector("summary").focus();
          event.stopPropagation();
        }
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (details) {
        if (details.open && !details.contains(event.target)) details.open = false;
      });
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

  // A table wider than its container gets a visible hint that it scrolls sideways (columns out of sight
  // otherwise give no sign on a phone); the hint's text is the page's, in its language.
  function markScrollingTables() {
    var hint = document.documentElement.getAttribute("data-table-scroll-hint");
    document.querySelectorAll(".utrecht-table-container").forEach(function (container) {
      var scrolls = container.scrollWidth > container.clientWidth + 1;
      container.classList.toggle("meent-table-container--scrolls", scrolls);
      if (scrolls && hint) container.setAttribute("data-scroll-hint", hint);
    });
  }

  function start() {
    setUpMenu();
    setUpMenuGroups();
    setUpTables();
    markScrollingTables();
    window.addEventListener("resize", markScrollingTables);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
