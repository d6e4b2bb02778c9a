/* Technique steps: add, remove (marks the DELETE box), move up/down (rewrites the ORDER numbers). */
(function () {
  "use strict";
  var form = document.querySelector("[data-steps-form]");
  if (!form) return;
  var list = form.querySelector("[data-step-list]");
  var template = form.querySelector("[data-step-template]");

  function hasContent(row) {
    var id = row.querySelector("input[name$='-id']");
    if (id && id.value) return true;
    return Array.prototype.some.call(row.querySelectorAll("input[type=text], textarea"), function (el) { return el.value.trim(); });
  }

  function renumber() {
    var n = 0;
    list.querySelectorAll("[data-step-row]").forEach(function (row) {
      var order = row.querySelector("input[name$='-ORDER']");
      var del = row.querySelector("input[name$='-DELETE']");
      var deleted = del && del.checked;
      row.classList.toggle("deleted", !!deleted);
      if (!deleted && hasContent(row)) { n += 1; order.value = String(n); row.querySelector("[data-step-number]").textContent = String(n); }
      else if (!hasContent(row)) { order.value = ""; }
    });
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var row = button.closest("[data-step-row]");
    if (button.dataset.move && row) {
      event.preventDefault();
      var sibling = button.dataset.move === "up" ? row.previousElementSibling : row.nextElementSibling;
      if (sibling) {
        if (button.dataset.move === "up") list.insertBefore(row, sibling); else list.insertBefore(sibling, row);
        renumber();
        button.focus();
      }
    } else if (button.hasAttribute("data-add-step")) {
      event.preventDefault();
      var total = form.querySelector("input[name$='-TOTAL_FORMS']");
      var index = parseInt(total.value, 10);
      var wrapper = document.createElement("div");
      wrapper.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
      var newRow = wrapper.firstElementChild;
      list.appendChild(newRow);
      total.value = String(index + 1);
      newRow.querySelector("input[type=text]").focus();
    }
  });
  form.addEventListener("change", renumber);
  form.addEventListener("submit", renumber);
})();
