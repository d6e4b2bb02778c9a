// Time-coded comments: a time code seeks the player; the comment form takes the player's current time.
(function () {
  var player = document.querySelector("[data-review-player]");
  if (!player) return;
  document.querySelectorAll("[data-seek]").forEach(function (b) {
    b.addEventListener("click", function () { player.currentTime = Number(b.dataset.seek) / 1000; player.play(); });
  });
  var field = document.querySelector("[data-current-time]");
  if (field) player.addEventListener("pause", function () {
    var s = player.currentTime, m = Math.floor(s / 60);
    field.value = String(m).padStart(2, "0") + ":" + (s - m * 60).toFixed(1).padStart(4, "0");
  });
})();
