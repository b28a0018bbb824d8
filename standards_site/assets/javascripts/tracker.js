/* The action-plan tracker's filters. The filtering itself is CSS (inspections.css and the
 * generated tracker-filters.css hide what the form's state excludes, so it works without
 * JavaScript); this script keeps the state in the URL query
 * (?standard=1.2&agreement=agreed&status=due&overdue=...) so a filtered view can be shared
 * or bookmarked, says how many recommendations show, and makes the summary above (its
 * sentence and both charts) count only what the filters show. Without JavaScript the
 * summary stays as the server wrote it, covering every recommendation and saying so. */
(function () {
  var FIELDS = ["standard", "agreement", "status", "overdue"];

  function mount() {
    var form = document.getElementById("tracker-filters");
    if (!form) return;
    var count = document.getElementById("tracker-count");
    var items = document.querySelectorAll(".tracker-item");
    var summary = summaryOf(document);

    // URL -> form
    var query = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var control = form.elements[name];
      if (!control || !query.has(name)) return;
      if (control.type === "checkbox") {
        control.checked = query.get(name) !== "";
      } else if (control.querySelector('option[value="' + CSS.escape(query.get(name)) + '"]')) {
        control.value = query.get(name);
      }
    });

    function update() {
      // form -> URL (replaceState: filtering is not navigation, Back leaves the page)
      var next = new URLSearchParams(window.location.search);
      FIELDS.forEach(function (name) {
        var control = form.elements[name];
        var value = control.type === "checkbox" ? (control.checked ? control.value : "") : control.value;
        if (value) next.set(name, value); else next.delete(name);
      });
      var search = next.toString();
      var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      window.history.replaceState(null, "", url);

      var shown = 0;
      items.forEach(function (item) {
        if (getComputedStyle(item).display !== "none") shown += 1;
      });
      count.textContent = shown === items.length
        ? "Showing all " + items.length + " recommendations."
        : "Showing " + shown + " of " + items.length + " recommendations." +
          (shown === 0 ? " No recommendation matches: change or clear a filter." : "");
      if (summary) summary.show(shown === items.length && !filtering() ? null : visibleFacts(items));
    }

    /* Whether any filter is set: the status filter hides actions within recommendations
     * that all stay shown, so the number of recommendations shown cannot tell. */
    function filtering() {
      return FIELDS.some(function (name) {
        var control = form.elements[name];
        return control.type === "checkbox" ? control.checked : control.value !== "";
      });
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  function visible(element) { return getComputedStyle(element).display !== "none"; }

  /* What the summary counts, among the recommendations and actions the filters leave
   * visible (the filtering is CSS: what it hides is display: none). */
  function visibleFacts(items) {
    var facts = { recommendations: 0, answered: 0, actions: 0, overdue: 0, agreement: {}, status: {} };
    items.forEach(function (item) {
      if (!visible(item)) return;
      facts.recommendations += 1;
      var agreement = item.getAttribute("data-agreement");
      if (agreement !== "none") {
        facts.answered += 1;
        facts.agreement[agreement] = (facts.agreement[agreement] || 0) + 1;
      }
      item.querySelectorAll(".tracker-action").forEach(function (action) {
        if (!visible(action)) return;
        facts.actions += 1;
        if (action.hasAttribute("data-overdue")) facts.overdue += 1;
        var status = action.getAttribute("data-status");
        facts.status[status] = (facts.status[status] || 0) + 1;
      });
    });
    return facts;
  }

  /* The summary as the server wrote it (all recommendations), which show(null) restores,
   * and show(facts) rewrites for what is shown. The sentence is a polite live region:
   * a screen reader hears the new figures once filtering stops changing them. */
  function summaryOf(doc) {
    var sentence = doc.getElementById("tracker-summary");
    if (!sentence) return null;
    var asOf = sentence.getAttribute("data-as-of");
    var original = sentence.textContent;
    var rows = Array.prototype.map.call(doc.querySelectorAll(".tracker-chart tbody tr"), function (row) {
      var count = row.querySelector(".tracker-chart__count");
      var bar = row.querySelector(".tracker-chart__bar");
      return {
        kind: row.hasAttribute("data-agreement") ? "agreement" : "status",
        key: row.getAttribute("data-agreement") || row.getAttribute("data-status"),
        count: count, bar: bar, table: row.closest("table"),
        original: { count: count.textContent, width: bar.style.width },
      };
    });

    var totals = {
      recommendations: doc.querySelectorAll(".tracker-item").length,
      actions: doc.querySelectorAll(".tracker-action").length,
    };

    function show(facts) {
      if (!facts) {
        if (sentence.textContent !== original) sentence.textContent = original;
        rows.forEach(function (row) { row.count.textContent = row.original.count; row.bar.style.width = row.original.width; });
        return;
      }
      var text = "Shown by the filters: " + facts.recommendations + " of the " + totals.recommendations +
        " recommendations (the action plan answers " + facts.answered + " of them) and " + facts.actions +
        " of the " + totals.actions + " actions. " + facts.overdue + " of these actions " +
        (facts.overdue === 1 ? "was" : "were") + " overdue as of " + asOf + ".";
      if (sentence.textContent !== text) sentence.textContent = text;
      rows.forEach(function (row) {
        var counts = facts[row.kind];
        var largest = 1;
        rows.forEach(function (other) {
          if (other.table === row.table) largest = Math.max(largest, counts[other.key] || 0);
        });
        var count = counts[row.key] || 0;
        row.count.textContent = String(count);
        // As on the server (inspections/pages.py, _bars): a share of the largest count,
        // and a count that is not zero is never drawn as nothing.
        row.bar.style.width = (count ? Math.max(Math.round(100 * count / largest), 1) : 0) + "%";
      });
    }

    return { show: show };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
