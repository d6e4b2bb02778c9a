/* heritage gallery: technique page player, step navigator and question box. Vanilla JS, no CDN.
 * Without JavaScript every step is shown in order and the question box submits the form. */
(function () {
  "use strict";
  var root = document.getElementById("technique");
  if (!root) return;
  var steps = Array.prototype.slice.call(root.querySelectorAll("article.step"));
  if (!steps.length) return;
  var navButtons = root.querySelector(".step-nav-buttons");
  var prevBtn = document.getElementById("prev-step");
  var nextBtn = document.getElementById("next-step");
  var status = document.getElementById("step-status");
  var askForm = document.getElementById("ask-form");
  var askStep = document.getElementById("ask-step");
  var askAnswer = document.getElementById("ask-answer");
  var current = 0;
  var LABELS = { play: "播放", pause: "暂停", step: "第 %n / %t 段" };
  if (document.documentElement.lang === "en") {
    LABELS = { play: "Play", pause: "Pause", step: "Part %n of %t" };
  }

  function indexOfAnchor(anchor) {
    for (var i = 0; i < steps.length; i++) if (steps[i].dataset.anchor === anchor) return i;
    return -1;
  }

  function videoOf(step) { return step.querySelector("video.demo-video"); }

  function show(i, opts) {
    opts = opts || {};
    if (i < 0 || i >= steps.length) return;
    var old = videoOf(steps[current]);
    if (old && i !== current) old.pause();
    current = i;
    var focused = document.activeElement;
    steps.forEach(function (s, j) { s.hidden = j !== i; });
    prevBtn.disabled = i === 0;
    nextBtn.disabled = i === steps.length - 1;
    // A button that just became disabled loses focus to <body>: keep focus on the navigator instead.
    if ((focused === prevBtn || focused === nextBtn) && focused.disabled) {
      var other = focused === prevBtn ? nextBtn : prevBtn;
      if (!other.disabled) other.focus(); else steps[i].querySelector("h2").focus();
    }
    status.textContent = LABELS.step.replace("%n", i + 1).replace("%t", steps.length);
    root.querySelectorAll(".step-list a").forEach(function (a) {
      if (a.dataset.anchor === steps[i].dataset.anchor) a.setAttribute("aria-current", "step");
      else a.removeAttribute("aria-current");
    });
    if (askStep) askStep.value = steps[i].dataset.order || "";
    if (opts.updateHash !== false && history.replaceState) history.replaceState(null, "", "#" + steps[i].dataset.anchor);
    if (opts.focus) steps[i].querySelector("h2").focus();
  }

  // --- per-step player controls -------------------------------------------------------------
  function setSubtitles(video, lang) {
    for (var k = 0; k < video.textTracks.length; k++) {
      var t = video.textTracks[k];
      t.mode = (lang !== "off" && t.language === lang) ? "showing" : "disabled";
    }
  }

  function chosenSubtitles(step) {
    var pressed = step.querySelector(".subtitle[aria-pressed='true']");
    return pressed ? pressed.dataset.lang : "off";
  }

  function chooseSubtitles(step, button) {
    step.querySelectorAll(".subtitle").forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
    var video = videoOf(step);
    if (video) setSubtitles(video, button.dataset.lang);
  }

  steps.forEach(function (step) {
    step.querySelector("h2").setAttribute("tabindex", "-1");
    var video = videoOf(step);
    if (!video) return;
    var play = step.querySelector(".play-toggle");
    var subtitleButtons = step.querySelectorAll(".subtitle");
    function syncPlay() {
      play.textContent = video.paused ? LABELS.play : LABELS.pause;
      play.setAttribute("aria-pressed", video.paused ? "false" : "true");
    }
    play.addEventListener("click", function () {
      if (video.paused) { var p = video.play(); if (p && p.catch) p.catch(function () {}); } else video.pause();
    });
    video.addEventListener("play", syncPlay);
    video.addEventListener("pause", syncPlay);
    syncPlay();
    subtitleButtons.forEach(function (b) { b.addEventListener("click", function () { chooseSubtitles(step, b); }); });
    // Tracks load lazily; apply the chosen language once the browser has them.
    video.addEventListener("loadedmetadata", function () { setSubtitles(video, chosenSubtitles(step)); });
    setSubtitles(video, chosenSubtitles(step));
    step.querySelectorAll(".variant").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var t = video.currentTime, wasPlaying = !video.paused;
        var ratio = video.duration ? t / video.duration : 0;
        video.src = btn.dataset.src;
        step.querySelectorAll(".variant").forEach(function (b) { b.setAttribute("aria-pressed", b === btn ? "true" : "false"); });
        video.addEventListener("loadedmetadata", function once() {
          video.removeEventListener("loadedmetadata", once);
          if (video.duration && ratio) video.currentTime = ratio * video.duration;  // same moment, other speed
          setSubtitles(video, chosenSubtitles(step));
          if (wasPlaying) { var p = video.play(); if (p && p.catch) p.catch(function () {}); }
        });
        video.load();
      });
    });
  });

  // --- step navigator ---------------------------------------------------------------------------
  navButtons.hidden = false;
  prevBtn.addEventListener("click", function () { show(current - 1); });
  nextBtn.addEventListener("click", function () { show(current + 1); });
  root.querySelectorAll(".step-list a").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var i = indexOfAnchor(a.dataset.anchor);
      if (i >= 0) { e.preventDefault(); show(i, { focus: true }); }
    });
  });
  window.addEventListener("hashchange", function () {
    var i = indexOfAnchor(location.hash.slice(1));
    if (i >= 0 && i !== current) show(i, { updateHash: false });
  });
  var start = indexOfAnchor(location.hash.slice(1));
  show(start >= 0 ? start : 0, { updateHash: false });

  // One-letter shortcuts (WCAG 2.1.4): documented beside the navigator and can be turned off there; the
  // choice is remembered in this browser.
  var shortcutsToggle = document.getElementById("shortcuts-toggle");
  var STORE = "heritage.shortcuts";
  function shortcutsOn() { return !shortcutsToggle || shortcutsToggle.checked; }
  if (shortcutsToggle) {
    try { shortcutsToggle.checked = localStorage.getItem(STORE) !== "off"; } catch (err) { /* storage blocked */ }
    shortcutsToggle.closest(".shortcut-toggle").hidden = false;
    shortcutsToggle.addEventListener("change", function () {
      try { localStorage.setItem(STORE, shortcutsToggle.checked ? "on" : "off"); } catch (err) { /* storage blocked */ }
    });
  }

  document.addEventListener("keydown", function (e) {
    if (!shortcutsOn() || e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || e.target.isContentEditable) return;
    var video = videoOf(steps[current]);
    var key = e.key.toLowerCase();
    if (key === "n") { show(current + 1); e.preventDefault(); }
    else if (key === "p") { show(current - 1); e.preventDefault(); }
    else if (key === "k" && video) { steps[current].querySelector(".play-toggle").click(); e.preventDefault(); }
    else if (key === "c" && video) {
      var buttons = Array.prototype.slice.call(steps[current].querySelectorAll(".subtitle"));
      if (buttons.length) {
        var at = buttons.findIndex(function (b) { return b.getAttribute("aria-pressed") === "true"; });
        chooseSubtitles(steps[current], buttons[(at + 1) % buttons.length]);
      }
      e.preventDefault();
    }
  });

  // --- question box -----------------------------------------------------------------------------
  if (askForm) {
    askForm.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = document.getElementById("ask-q").value.trim();
      if (!q) return;
      var url = root.dataset.askUrl + "?q=" + encodeURIComponent(q) + "&step=" + encodeURIComponent(askStep.value);
      askAnswer.textContent = "…";
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          askAnswer.textContent = "";
          var p = document.createElement("p");
          p.className = "answer-text";
          p.textContent = data.message;
          askAnswer.appendChild(p);
          if (data.found) {
            var b = document.createElement("button");
            b.type = "button";
            b.className = "go-to-step";
            b.textContent = (document.documentElement.lang === "en" ? "Go to step " : "转到第") + data.order + (document.documentElement.lang === "en" ? "" : "步");
            b.addEventListener("click", function () { var i = indexOfAnchor(data.anchor); if (i >= 0) show(i, { focus: true }); });
            askAnswer.appendChild(b);
          }
        })
        .catch(function () { askAnswer.textContent = "网络错误,请重试。"; });
    });
  }
})();
