/* Live progress for generation jobs: polls a small JSON endpoint, never reloads the page (except once,
   on a job detail/compare page, to show the finished video). Also: compare-form helper, synchronized
   playback of takes, and the pool page's periodic refresh. */
(function () {
  "use strict";
  var POLL_MS = 1000;
  var lang = (document.documentElement.lang || "zh-hans").toLowerCase();
  var zh = lang.indexOf("zh") === 0;
  var T = zh ? { step: "第 {s}/{t} 步", high: "第一阶段:勾勒画面与动作", low: "第二阶段:细化细节", eta: "约 {n} 秒", done: "{t} 步完成", wait: "等待空闲的 GPU" }
             : { step: "step {s}/{t}", high: "stage 1: layout and motion", low: "stage 2: fine detail", eta: "~{n} s left", done: "{t} steps done", wait: "waiting for a free GPU" };
  function fmt(s, o) { return s.replace(/\{(\w)\}/g, function (_, k) { return o[k]; }); }

  function boxes() { return Array.prototype.slice.call(document.querySelectorAll(".job-progress[data-active='1']")); }

  function render(box, job) {
    var p = job.progress, bar = box.querySelector("[data-role=bar]"), text = box.querySelector("[data-role=text]");
    var status = box.querySelector("[data-role=status]");
    bar.style.width = job.percent + "%";
    box.querySelector("[role=progressbar]").setAttribute("aria-valuenow", p.step);
    box.querySelector("[role=progressbar]").setAttribute("aria-valuemax", p.total || 1);
    status.textContent = job.status_display;
    status.className = "status status-" + job.status;
    var parts = [];
    if (job.status === "running" || job.status === "cancelling") {
      parts.push(fmt(T.step, { s: p.step, t: p.total }));
      if (p.expert) parts.push(T[p.expert] || p.expert);
      if (p.eta_s !== null && p.eta_s !== undefined) parts.push(fmt(T.eta, { n: Math.round(p.eta_s) }));
    } else if (job.status === "queued") {
      parts.push(T.wait);
    } else if (job.status === "succeeded") {
      parts.push(fmt(T.done, { t: p.total }));
    } else if (job.error) {
      parts.push(job.error);
    }
    text.textContent = parts.join(" · ");
    if (!job.active) {
      box.setAttribute("data-active", "0");
      if (box.getAttribute("data-reload") === "1" && job.status === "succeeded" && !window.__genReloaded) {
        window.__genReloaded = true;
        window.location.reload();
      }
    }
  }

  function poll() {
    var list = boxes();
    if (!list.length) return;
    var url = list[0].getAttribute("data-status-url");
    var ids = list.map(function (b) { return b.getAttribute("data-job-id"); });
    fetch(url + "?ids=" + encodeURIComponent(ids.join(",")), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { jobs: [] }; })
      .then(function (data) {
        var byId = {};
        data.jobs.forEach(function (j) { byId[j.id] = j; });
        list.forEach(function (b) { var j = byId[b.getAttribute("data-job-id")]; if (j) render(b, j); });
      })
      .catch(function () { /* offline for a moment: try again next tick */ })
      .then(function () { if (boxes().length) setTimeout(poll, POLL_MS); });
  }

  function compareForm() {
    var form = document.getElementById("compare-form");
    if (!form) return;
    form.addEventListener("submit", function () {
      var picked = Array.prototype.slice.call(form.querySelectorAll("input[name=pick]:checked")).map(function (c) { return c.value; });
      document.getElementById("compare-jobs").value = picked.join(",");
      Array.prototype.forEach.call(form.querySelectorAll("input[name=pick]"), function (c) { c.disabled = true; });
    });
  }

  function playAll() {
    var btn = document.getElementById("play-all");
    if (!btn) return;
    btn.addEventListener("click", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".compare-grid video"), function (v) { v.currentTime = 0; v.play(); });
    });
  }

  function poolRefresh() {
    var body = document.getElementById("pool-body");
    if (!body) return;
    setInterval(function () {
      fetch(body.getAttribute("data-fragment-url"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) { body.innerHTML = html; if (boxes().length) poll(); } })
        .catch(function () {});
    }, 5000);
  }

  document.addEventListener("DOMContentLoaded", function () { compareForm(); playAll(); poolRefresh(); if (boxes().length) setTimeout(poll, POLL_MS); });
})();
