// Forms that help (the shared form include loads this, possibly more than once on a page): after a failed submit
// the focus moves to the error summary; a long list of checkboxes gets a filter box. Without JavaScript the
// forms work the same, with the summary at the top and the whole list.
(function () {
  if (window.meentForms) return;
  window.meentForms = true;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUpFilter(box) {
    var list = document.getElementById(box.dataset.meentChoiceFilter);
    var input = box.querySelector("input[type=search]");
    var status = box.querySelector("[aria-live]");
    var options = Array.prototype.slice.call(list.querySelectorAll(".utrecht-form-field"));
    var labels = options.map(function (option) { return fold(option.textContent); });
    box.hidden = false;
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var shown = 0;
      options.forEach(function (option, i) {
        var match = !query || labels[i].indexOf(query) !== -1;
        option.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = query ? box.dataset.status.replace("{n}", shown).replace("{total}", options.length) : "";
    });
    // Enter in the filter box would submit the form half-filled in.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-meent-choice-filter]").forEach(setUpFilter);
    var summary = document.querySelector("[data-meent-error-summary]");
    if (summary) summary.focus();
  });
})();
