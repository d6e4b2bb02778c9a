/* Recording form: once a craft is chosen, offer only that craft's techniques and speakers. The server
   checks the same rule, so this is a convenience, not the safeguard. */
(function () {
  "use strict";
  var craft = document.getElementById("id_craft");
  if (!craft) return;
  var selects = ["id_technique", "id_speaker"].map(function (id) { return document.getElementById(id); }).filter(Boolean);

  function apply() {
    var chosen = craft.value;
    selects.forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        var owner = option.getAttribute("data-craft");
        var show = !chosen || !owner || owner === chosen;
        option.hidden = !show;
        option.disabled = !show;
        if (!show && option.selected) select.value = "";
      });
    });
  }
  craft.addEventListener("change", apply);
  apply();
})();
