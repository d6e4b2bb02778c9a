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
// The review and signing screens also watch (templates/review/_watch.html) the review's state and its newer
// take in the same status.json: when either changes (a new version was sent for signing, the curator
// archived it) the page reloads to show the next step. Something typed on the page is never thrown away:
// then the watch box says the page has news, with a button to reload.
(function () {
  "use strict";
  var box = document.querySelector("[data-postprocessing]");
  var watch = document.querySelector("[data-review-watch]");
  if (!box && !watch) return;
  var POLL_MS = box ? 1000 : 5000;
  var zh = (document.documentElement.lang || "zh-hans").toLowerCase().indexOf("zh") === 0;
  var T = zh ? { done: "已完成 {d}/{t} 项输出", wait: "等待后期处理开始" }
             : { done: "{d} of {t} outputs done", wait: "Waiting for post-processing to start" };
  var url = (box || watch).getAttribute("data-status-url");
  var state = watch && watch.getAttribute("data-state");
  var newer = watch && watch.getAttribute("data-newer");
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

  function typed() {  // a form field the person changed since the page loaded
    return Array.prototype.some.call(document.querySelectorAll("main textarea, main input"), function (f) {
      if (f.type === "hidden" || f.type === "submit" || f.type === "button") return false;
      if (f.type === "checkbox" || f.type === "radio") return f.checked !== f.defaultChecked;
      return f.value !== f.defaultValue;
    });
  }

  function reload() {
    reloaded = true;
    if (box) box.setAttribute("data-finished", "1");
    if (watch && typed()) { watch.querySelector("[data-role=stale]").hidden = false; return; }
    window.location.reload();
  }

  if (watch) watch.querySelector("[data-reload]").addEventListener("click", function () { window.location.reload(); });

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        var newerNow = s.newer ? s.newer.id + ":" + s.newer.state : "";
        if ((box && !s.pending) || (watch && (s.state !== state || newerNow !== newer))) { reload(); return; }
        if (box) render(s);
      })
      .catch(function () { /* offline for a moment: try again next tick */ })
      .then(function () { if (!reloaded) setTimeout(poll, POLL_MS); });
  }

  setTimeout(poll, POLL_MS);
})();
