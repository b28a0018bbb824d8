/* The action-plan tracker's filters. The filtering itself is CSS (inspections.css and the
 * generated tracker-filters.css hide what the form's state excludes, so it works without
 * JavaScript); this script keeps the state in the URL query
 * (?standard=1.2&agreement=agreed&status=due&overdue=...) so a filtered view can be shared
 * or bookmarked, and says how many recommendations show. */
(function () {
  var FIELDS = ["standard", "agreement", "status", "overdue"];

  function mount() {
    var form = document.getElementById("tracker-filters");
    if (!form) return;
    var count = document.getElementById("tracker-count");
    var items = document.querySelectorAll(".tracker-item");

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
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
