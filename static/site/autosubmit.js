// <select data-autosubmit>: submit its form when the choice changes (no inline handlers: the site's
// Content-Security-Policy allows scripts from this origin only).
document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
