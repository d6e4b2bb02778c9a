// 口述影像: the transcript beside each narrated video follows the playback (the line being heard is
// marked aria-current) and a line's time button seeks the video there. Without JavaScript the
// transcript is a plain list and the video still has its subtitle track.
(function () {
  "use strict";
  document.querySelectorAll("article.narration").forEach(function (card) {
    var video = card.querySelector("video");
    var lines = Array.prototype.slice.call(card.querySelectorAll(".narration-transcript li"));
    if (!video || !lines.length) return;
    function mark() {
      var t = video.currentTime;
      lines.forEach(function (li) {
        var on = t >= parseFloat(li.dataset.start) && t < parseFloat(li.dataset.end);
        if (on) li.setAttribute("aria-current", "true"); else li.removeAttribute("aria-current");
      });
    }
    video.addEventListener("timeupdate", mark);
    video.addEventListener("seeked", mark);
    lines.forEach(function (li) {
      li.querySelector("button.seek").addEventListener("click", function () {
        video.currentTime = parseFloat(li.dataset.start) + 0.001;
        mark();
        video.play().catch(function () {});
      });
    });
  });
})();
