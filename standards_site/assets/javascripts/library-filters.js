/* Guidance library index pages: filter the list in place by related standard and tag.
 *
 * Without JavaScript every item is listed and the filter links lead to generated
 * pages (/guidance/guides/standard/1.4/), so nothing here is required. With it,
 * two menus filter the list at once and the choice is kept in the URL query
 * (?standard=1.4&tag=wales), so a filtered view can be bookmarked and shared. */
(function () {
  var FACETS = [
    { name: "standard", label: "Related standard", attribute: "data-standards" },
    { name: "tag", label: "Tag", attribute: "data-tags" }
  ];

  function optionsFor(filters, facet) {
    var links = filters.querySelectorAll('a.library-filter[data-facet="' + facet + '"]');
    return Array.prototype.map.call(links, function (link) {
      return { value: link.getAttribute("data-value"), label: link.textContent };
    });
  }

  function buildMenu(facet, options) {
    var wrapper = document.createElement("div");
    wrapper.className = "library-filter-form__field";
    var id = "library-filter-" + facet.name;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = facet.label;
    var select = document.createElement("select");
    select.id = id;
    select.name = facet.name;
    var any = document.createElement("option");
    any.value = "";
    any.textContent = "Any";
    select.appendChild(any);
    options.forEach(function (option) {
      var element = document.createElement("option");
      element.value = option.value;
      element.textContent = option.label;
      select.appendChild(element);
    });
    wrapper.appendChild(label);
    wrapper.appendChild(select);
    return wrapper;
  }

  function mount() {
    var filters = document.querySelector(".library-filters[data-library-kind]");
    if (!filters) return;
    var items = Array.prototype.slice.call(document.querySelectorAll(".library-item"));
    var status = document.querySelector(".library-filter-status");
    var noun = filters.getAttribute("data-library-kind");

    var form = document.createElement("form");
    form.className = "library-filter-form";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter " + noun);
    var menus = {};
    FACETS.forEach(function (facet) {
      var options = optionsFor(filters, facet.name);
      if (!options.length) return;
      var field = buildMenu(facet, options);
      menus[facet.name] = field.querySelector("select");
      form.appendChild(field);
    });
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "md-button library-filter-form__clear";
    clear.textContent = "Show all";
    form.appendChild(clear);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    filters.appendChild(form);
    filters.classList.add("library-filters--enhanced");

    function chosen() {
      var choice = {};
      FACETS.forEach(function (facet) {
        if (menus[facet.name] && menus[facet.name].value) choice[facet.name] = menus[facet.name].value;
      });
      return choice;
    }

    function matches(item, choice) {
      return FACETS.every(function (facet) {
        if (!choice[facet.name]) return true;
        var values = (item.getAttribute(facet.attribute) || "").split(" ");
        return values.indexOf(choice[facet.name]) !== -1;
      });
    }

    function apply(updateUrl) {
      var choice = chosen();
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item, choice);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      var filtered = Object.keys(choice).length > 0;
      clear.hidden = !filtered;
      if (status) {
        status.textContent = filtered ? "Showing " + shown + " of " + items.length + " " + noun + "." : "";
      }
      if (updateUrl) {
        var query = new URLSearchParams();
        Object.keys(choice).forEach(function (name) { query.set(name, choice[name]); });
        var search = query.toString();
        history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
      }
    }

    // Start from the URL, ignoring values no menu offers (an old or mistyped link).
    var params = new URLSearchParams(location.search);
    Object.keys(menus).forEach(function (name) {
      var wanted = params.get(name);
      var select = menus[name];
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });
    Object.keys(menus).forEach(function (name) {
      menus[name].addEventListener("change", function () { apply(true); });
    });
    clear.addEventListener("click", function () {
      Object.keys(menus).forEach(function (name) { menus[name].value = ""; });
      apply(true);
      var first = menus[Object.keys(menus)[0]];
      if (first) first.focus();
    });
    // A filter link sets its menu in place rather than opening its page.
    filters.addEventListener("click", function (event) {
      var link = event.target.closest("a.library-filter");
      if (!link || !menus[link.getAttribute("data-facet")]) return;
      event.preventDefault();
      menus[link.getAttribute("data-facet")].value = link.getAttribute("data-value");
      apply(true);
    });
    apply(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
