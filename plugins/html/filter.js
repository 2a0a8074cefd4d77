// The html output's finding filters: severity and pack checkboxes (and, in a run with
// waived or baselined findings, status checkboxes) over rows that carry data-severity,
// data-pack and data-state. Without this script every finding stays visible.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var out = document.getElementById("shown");
  var template = out.getAttribute("data-template");
  function checked(name) {
    var on = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }
  function update() {
    var sev = checked("severity"), pack = checked("pack"), state = checked("state"), shown = 0;
    var byState = form.querySelector("input[name=state]") !== null;
    rows.forEach(function (row) {
      var visible = sev[row.getAttribute("data-severity")] === true &&
        pack[row.getAttribute("data-pack")] === true &&
        (!byState || state[row.getAttribute("data-state")] === true);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    out.textContent = template.replace("{n}", shown).replace("{total}", rows.length);
  }
  // A link may preselect filters: #severity=error,warning&pack=capaian
  var wanted = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var pair = part.split("=");
    if (pair.length === 2 && (pair[0] === "severity" || pair[0] === "pack" || pair[0] === "state")) {
      wanted[pair[0]] = decodeURIComponent(pair[1]).split(",");
    }
  });
  Object.keys(wanted).forEach(function (name) {
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      box.checked = wanted[name].indexOf(box.value) >= 0;
    });
  });
  form.addEventListener("change", update);
  form.hidden = false;
  update();
  document.body.setAttribute("data-filters", "ready");
})();
