// Keeps "in 5 h 12 min" true on a page left open: every <time class="countdown" datetime="…"> is
// rewritten each minute, in the words the server used (TimeText.countdown).
(function () {
  function span(ms) {
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var rest = minutes % 60;
    if (days > 0) return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    if (hours > 0) return hours + " h" + (rest > 0 ? " " + rest + " min" : "");
    return rest > 0 ? rest + " min" : "less than a minute";
  }
  function update() {
    var now = Date.now();
    document.querySelectorAll("time.countdown").forEach(function (el) {
      var left = Date.parse(el.getAttribute("datetime")) - now;
      el.textContent = left > 0 ? "in " + span(left) : "now";
    });
  }
  update();
  setInterval(update, 60000);
})();
