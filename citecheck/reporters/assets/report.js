// citecheck report: filters by rule and severity. Everything is readable without
// JavaScript; this only hides findings and dims citations the reader filtered out.
(function () {
  "use strict";
  var RANK = { info: 0, warning: 1, error: 2 };

  function checked(selector) {
    var out = {};
    document.querySelectorAll(selector).forEach(function (box) {
      out[box.value] = box.checked;
    });
    return out;
  }

  function apply() {
    var rules = checked("input[data-filter-rule]");
    var sevs = checked("input[data-filter-severity]");
    var visible = function (rule, sev) {
      return rules[rule] !== false && sevs[sev] !== false;
    };
    document.querySelectorAll(".finding").forEach(function (el) {
      var on = visible(el.getAttribute("data-rule"), el.getAttribute("data-severity"));
      el.classList.toggle("hidden", !on);
    });
    document.querySelectorAll(".summary .group").forEach(function (group) {
      var rule = group.getAttribute("data-rule");
      var any = ["error", "warning", "info"].some(function (sev) {
        return group.classList.contains(sev) && visible(rule, sev);
      });
      group.classList.toggle("hidden", !any);
    });
    document.querySelectorAll("a.cite[data-findings]").forEach(function (el) {
      var worst = -1;
      el.getAttribute("data-findings").split(" ").forEach(function (pair) {
        var parts = pair.split(":");
        if (parts.length === 2 && visible(parts[0], parts[1]) && RANK[parts[1]] > worst) {
          worst = RANK[parts[1]];
        }
      });
      el.classList.toggle("off", worst < 0);
    });
  }

  function setAll(value) {
    document.querySelectorAll("input[data-filter-rule]").forEach(function (box) {
      box.checked = value;
    });
    apply();
  }

  document.querySelectorAll("input[data-filter-rule], input[data-filter-severity]").forEach(function (box) {
    box.addEventListener("change", apply);
  });
  document.querySelectorAll("button[data-all]").forEach(function (btn) {
    btn.addEventListener("click", function () { setAll(btn.getAttribute("data-all") === "1"); });
  });
  // Jumping to a citation or entry: flash it so the eye finds it in long texts.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    // A target inside a folded manuscript or evidence block: unfold it first.
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    target.classList.add("flash");
    window.setTimeout(function () { target.classList.remove("flash"); }, 1600);
  });
  apply();
  document.documentElement.setAttribute("data-citecheck-ready", "1");
}());
