(function () {
  "use strict";
  var BASE = "/_aws/pinpoint/";
  var form = document.getElementById("filters");
  var list = document.getElementById("messages");
  var live = document.getElementById("live");
  var params = new URLSearchParams(window.location.search);
  var controls = Array.prototype.filter.call(form.elements, function (el) { return el.name; });
  controls.forEach(function (el) { if (params.has(el.name)) { el.value = params.get(el.name); } });
  var last = null, seq = 0, timer = null;

  function query() {
    var q = new URLSearchParams();
    controls.forEach(function (el) { if (el.value) { q.set(el.name, el.value); } });
    return q;
  }
  function show(text, ok) {
    live.textContent = text;
    live.className = "live " + (ok ? "ok" : "error");
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(poll, __POLL_MS__); }
  function poll() {
    var mine = ++seq;
    fetch(BASE + "ui/messages?" + query().toString(), { cache: "no-store" })
      .then(function (response) {
        return response.text().then(function (text) {
          if (mine !== seq) { return; }
          if (!response.ok) { show("error: " + text, false); return; }
          if (text !== last) { list.innerHTML = text; last = text; }
          var count = response.headers.get("X-Pinpoint-Count") || "0";
          show("live: " + count + " message" + (count === "1" ? "" : "s") + ", updated " +
               new Date().toLocaleTimeString(), true);
        });
      })
      .catch(function () { if (mine === seq) { show("server unreachable, retrying…", false); } })
      .then(schedule);
  }
  function changed() {
    var q = query().toString();
    window.history.replaceState(null, "", q ? "?" + q : window.location.pathname);
    last = null;
    poll();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  document.getElementById("clear").addEventListener("click", function () {
    fetch(BASE + "messages", { method: "DELETE" }).then(changed, changed);
  });
  poll();
})();
