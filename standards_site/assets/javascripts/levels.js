/* A standard's rating levels (templates/framework/standard.md.j2).
 *
 * - Compare two levels: the disclosure above the tabs holds every pair of levels,
 *   compared at build time (framework/level_compare.py). Without JavaScript it shows
 *   the pairs of neighbouring levels one after another. Here the picker appears and only
 *   the pair picked is shown; until the reader picks, opening the comparison shows the
 *   level of the open tab with the next one down (the one up, from the last level).
 * - The tab labels wrap onto more lines on a narrow screen (standards.css), where
 *   Material's sliding underline cannot follow them: the open tab's label is marked
 *   with a class instead. The labels stay at the top of the window while a long level
 *   is read; choosing another level from there shows it from its start.
 * Nothing here knows the levels' names or how many there are. */
(function () {
  function mountTabs(levels) {
    var set = levels.querySelector(".tabbed-set");
    if (!set) return;
    var radios = [].slice.call(set.querySelectorAll(":scope > input"));
    var labels = [].slice.call(set.querySelectorAll(":scope > .tabbed-labels > label"));

    function mark() {
      radios.forEach(function (radio, index) {
        if (labels[index]) labels[index].classList.toggle("levels__label--open", radio.checked);
      });
    }
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        mark();
        // Labels stuck to the top (the set's start scrolled away): show the new level from
        // its start. After Material's own change handler, which keeps the set where it was.
        requestAnimationFrame(function () {
          if (set.getBoundingClientRect().top < 0) set.scrollIntoView({ block: "start" });
        });
      });
    });
    // Material opens a tab without a change event for an anchor or a remembered tab.
    window.addEventListener("hashchange", mark);
    window.addEventListener("load", mark);
    mark();
    return radios;
  }

  function mountCompare(compare, radios) {
    var picker = compare.querySelector(".levels-compare__picker");
    var first = compare.querySelector("#levels-compare-first");
    var second = compare.querySelector("#levels-compare-second");
    var pairs = [].slice.call(compare.querySelectorAll(".levels-pair"));
    if (!picker || !first || !second || !pairs.length) return;
    var order = [].map.call(first.options, function (option) { return option.value; });
    var picked = false;

    function show() {
      var wanted = [first.value, second.value].sort(function (a, b) {
        return order.indexOf(a) - order.indexOf(b);
      }).join(" ");
      pairs.forEach(function (pair) { pair.hidden = pair.getAttribute("data-levels") !== wanted; });
    }

    // The level at `index` and its neighbour: the next one down, or up from the last.
    function withNeighbour(index) {
      var other = index + 1 < order.length ? index + 1 : index - 1;
      return [order[Math.min(index, other)], order[Math.max(index, other)]];
    }

    function fromOpenTab() {
      var open = 0;
      (radios || []).forEach(function (radio, index) { if (radio.checked) open = index; });
      var pair = withNeighbour(open);
      first.value = pair[0];
      second.value = pair[1];
      show();
    }

    // A level picked in one list that the other shows: the other moves to its neighbour,
    // so that stepping through one list (arrow keys) steps through neighbouring pairs.
    function pickedIn(select, other) {
      if (select.value === other.value) {
        var pair = withNeighbour(order.indexOf(select.value));
        other.value = pair[0] === select.value ? pair[1] : pair[0];
      }
      picked = true;
      show();
    }

    picker.hidden = false;
    compare.classList.add("levels-compare--picking");
    fromOpenTab();
    first.addEventListener("change", function () { pickedIn(first, second); });
    second.addEventListener("change", function () { pickedIn(second, first); });
    compare.addEventListener("toggle", function () {
      if (compare.open && !picked) fromOpenTab();
    });
  }

  function mount() {
    var levels = document.querySelector(".levels");
    var radios = levels ? mountTabs(levels) : null;
    var compare = document.querySelector(".levels-compare");
    if (compare) mountCompare(compare, radios);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
