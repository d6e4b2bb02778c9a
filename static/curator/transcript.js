/* Transcript player and segment editor: click a segment to seek and play it, fill times from the
   player, add segments. Plain JS, no libraries; the page works without it (forms post normally). */
(function () {
  "use strict";
  var root = document.querySelector("[data-transcript]");
  if (!root) return;
  var player = root.querySelector("[data-player]");
  var stopAt = null;

  function parseTime(text) {
    text = (text || "").trim().replace(",", ".");
    if (!text) return null;
    if (/^\d+(\.\d+)?$/.test(text)) return Math.round(parseFloat(text) * 1000);
    var m = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:\.(\d{1,3}))?$/.exec(text);
    if (!m) return null;
    var ms = parseInt((m[4] || "0").padEnd(3, "0"), 10);
    return ((parseInt(m[1] || "0", 10) * 60 + parseInt(m[2] || "0", 10)) * 60 + parseInt(m[3], 10)) * 1000 + ms;
  }

  function formatTime(ms) {
    ms = Math.max(0, Math.round(ms));
    var h = Math.floor(ms / 3600000), m = Math.floor(ms / 60000) % 60, s = Math.floor(ms / 1000) % 60;
    function pad(n, w) { return String(n).padStart(w, "0"); }
    return pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(ms % 1000, 3);
  }

  function segmentTimes(row) {
    var startInput = row.querySelector("input[name$='-start']");
    var endInput = row.querySelector("input[name$='-end']");
    if (startInput) return [parseTime(startInput.value), parseTime(endInput && endInput.value)];
    return [parseInt(row.dataset.start, 10), parseInt(row.dataset.end, 10)];
  }

  function rows() { return root.querySelectorAll("[data-segment]"); }

  function highlight() {
    if (!player) return;
    var now = player.currentTime * 1000;
    rows().forEach(function (row) {
      var t = segmentTimes(row);
      row.classList.toggle("playing", t[0] !== null && t[1] !== null && now >= t[0] && now < t[1]);
    });
    if (stopAt !== null && now >= stopAt) { player.pause(); stopAt = null; }
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !root.contains(button)) return;
    var row = button.closest("[data-segment]");
    if (button.hasAttribute("data-seek") && row) {
      event.preventDefault();
      var t = segmentTimes(row);
      if (!player || t[0] === null || isNaN(t[0])) return;
      player.currentTime = t[0] / 1000;
      stopAt = (t[1] !== null && !isNaN(t[1])) ? t[1] : null;
      var playing = player.play();
      if (playing && playing.catch) playing.catch(function () {});
    } else if (button.dataset.set && row && player) {
      var input = row.querySelector("input[name$='-" + button.dataset.set + "']");
      if (input) { input.value = formatTime(player.currentTime * 1000); input.dispatchEvent(new Event("change")); }
    } else if (button.hasAttribute("data-add-segment")) {
      addSegment();
    }
  });

  function addSegment() {
    var form = root.querySelector("[data-segments-form]");
    var template = root.querySelector("[data-segment-template]");
    if (!form || !template) return;
    var total = form.querySelector("input[name$='-TOTAL_FORMS']");
    var index = parseInt(total.value, 10);
    var wrapper = document.createElement("div");
    wrapper.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var row = wrapper.firstElementChild;
    form.querySelector("[data-segment-list]").appendChild(row);
    total.value = String(index + 1);
    // Start the new segment where the last one ends (or at the player position).
    var all = form.querySelectorAll("[data-segment-row]");
    var last = all.length > 1 ? segmentTimes(all[all.length - 2]) : [null, null];
    var start = last[1] !== null && !isNaN(last[1]) ? last[1] : (player ? player.currentTime * 1000 : 0);
    row.querySelector("input[name$='-start']").value = formatTime(start);
    row.querySelector("input[name$='-end']").value = formatTime(start + 3000);
    row.querySelector("textarea").focus();
  }

  // A segment marked for deletion is greyed out until saved (unticking brings it back).
  root.addEventListener("change", function (event) {
    if (event.target.matches("input[name$='-DELETE']")) {
      var row = event.target.closest("[data-segment-row]");
      if (row) row.classList.toggle("deleted", event.target.checked);
    }
  });

  if (player) {
    player.addEventListener("timeupdate", highlight);
    player.addEventListener("seeked", highlight);
  } else {
    root.querySelectorAll("[data-seek]").forEach(function (b) { b.disabled = true; });
  }
})();
