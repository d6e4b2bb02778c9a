// On a phone the curator's sub-navigation is one row that scrolls sideways (curator.css): bring the current
// section's link into view, so that a page deep in the list (生成任务) does not hide where the reader is.
(function () {
  var nav = document.querySelector(".curator-nav");
  var here = nav && nav.querySelector("[aria-current]");
  if (!here || nav.scrollWidth <= nav.clientWidth) return;
  nav.scrollLeft = Math.max(0, here.offsetLeft - nav.offsetLeft - (nav.clientWidth - here.offsetWidth) / 2);
})();
