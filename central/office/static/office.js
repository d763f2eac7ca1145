// Rings and updates the alert badge when a new call for help or crisis reading arrives. The pages work
// without it (they refresh or are reloaded); browsers only allow sound after one click, hence the bell button.
(function () {
  "use strict";
  var feed = document.body.getAttribute("data-alert-feed");
  if (!feed || !window.fetch) { return; }
  var known = null, audio = null, bell = document.getElementById("bell"), badge = document.getElementById("alert-count");
  if (bell) {
    bell.hidden = false;
    bell.addEventListener("click", function () {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx) { audio = new Ctx(); bell.textContent = "Chuông báo đã bật"; ring(1); }
    });
  }
  function ring(times) {
    if (!audio) { return; }
    for (var i = 0; i < times; i++) {
      var osc = audio.createOscillator(), gain = audio.createGain(), t = audio.currentTime + i * 0.6;
      osc.frequency.value = 880; osc.connect(gain); gain.connect(audio.destination);
      gain.gain.setValueAtTime(0.4, t); gain.gain.exponentialRampToValueAtTime(0.001, t + 0.5);
      osc.start(t); osc.stop(t + 0.5);
    }
  }
  function poll() {
    fetch(feed, {credentials: "same-origin", cache: "no-store"}).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (doc) {
        if (!doc) { return; }
        var ids = doc.open.map(function (a) { return a.id; });
        if (badge) { badge.textContent = String(ids.length); badge.className = ids.length ? "badge hot" : "badge"; }
        if (known !== null && ids.some(function (id) { return known.indexOf(id) < 0; })) {
          ring(3);
          document.title = "(!) " + document.title.replace(/^\(!\) /, "");
        }
        known = ids;
      }).catch(function () { /* the hub is restarting: try again at the next tick */ });
  }
  poll();
  window.setInterval(poll, 5000);
}());
