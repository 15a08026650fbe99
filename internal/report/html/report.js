// Filters for the report: severity checkboxes and a rule list. The state
// lives in the address fragment (#severity=error,warning&rule=doi-format)
// so a filtered view can be linked to; a fragment without "=" is an
// anchor, and one naming a rule (#rule-doi-format) opens its explanation.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var boxes = form.querySelectorAll("input[name=severity]");
  var select = document.getElementById("rule-filter");
  var count = document.getElementById("shown-count");
  var files = document.querySelectorAll("section.file");

  function apply() {
    var want = {};
    boxes.forEach(function (b) { want[b.value] = b.checked; });
    var rule = select.value;
    var shown = 0;
    files.forEach(function (file) {
      var any = false;
      file.querySelectorAll("li.finding").forEach(function (li) {
        var show = want[li.dataset.severity] !== false && (rule === "" || li.dataset.rule === rule);
        li.hidden = !show;
        if (show) { shown++; any = true; }
      });
      file.hidden = !any;
    });
    count.textContent = String(shown);
  }

  function fragment() {
    var parts = [];
    var off = [];
    boxes.forEach(function (b) { if (b.checked) parts.push(b.value); else off.push(b.value); });
    var out = [];
    if (off.length) out.push("severity=" + parts.join(","));
    if (select.value) out.push("rule=" + encodeURIComponent(select.value));
    return out.join("&");
  }

  function fromHash() {
    var h = location.hash.slice(1);
    if (h.indexOf("=") < 0) {
      var d = h.indexOf("rule-") === 0 && document.getElementById(decodeURIComponent(h));
      if (d && d.tagName === "DETAILS") d.open = true;
      return;
    }
    var p = new URLSearchParams(h);
    var sev = p.get("severity");
    boxes.forEach(function (b) { b.checked = sev === null || sev.split(",").indexOf(b.value) >= 0; });
    var rule = p.get("rule") || "";
    select.value = Array.prototype.some.call(select.options, function (o) { return o.value === rule; }) ? rule : "";
    apply();
  }

  form.addEventListener("change", function () {
    apply();
    var f = fragment();
    history.replaceState(null, "", f ? "#" + f : location.pathname + location.search);
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
