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

// Post-processing still running (templates/review/_postprocessing.html): poll the review's status.json,
// show the progress, and reload the page once when it is done, so 送审 / 签署 appear without a manual reload.
(function () {
  "use strict";
  var POLL_MS = 1000;
  var box = document.querySelector("[data-postprocessing]");
  if (!box) return;
  var zh = (document.documentElement.lang || "zh-hans").toLowerCase().indexOf("zh") === 0;
  var T = zh ? { done: "已完成 {d}/{t} 项输出", wait: "等待后期处理开始" }
             : { done: "{d} of {t} outputs done", wait: "Waiting for post-processing to start" };
  var url = box.getAttribute("data-status-url");
  var reloaded = false;

  function render(s) {
    box.querySelector("[data-role=status]").textContent = s.status_display || "";
    var bar = box.querySelector("[role=progressbar]");
    bar.setAttribute("aria-valuenow", s.done || 0);
    bar.setAttribute("aria-valuemax", s.total || 1);
    box.querySelector("[data-role=bar]").style.width = (s.percent || 0) + "%";
    box.querySelector("[data-role=text]").textContent = s.total
      ? T.done.replace("{d}", s.done).replace("{t}", s.total) : T.wait;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        if (!s.pending) {
          if (!reloaded) { reloaded = true; box.setAttribute("data-finished", "1"); window.location.reload(); }
          return;
        }
        render(s);
      })
      .catch(function () { /* offline for a moment: try again next tick */ })
      .then(function () { if (!reloaded) setTimeout(poll, POLL_MS); });
  }

  setTimeout(poll, POLL_MS);
})();
