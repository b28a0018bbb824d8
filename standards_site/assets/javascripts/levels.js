/* "Compare side by side": on wide screens, show the four rating levels of a
 * standard as columns instead of tabs. Without JavaScript the tabs still work
 * (they are radio buttons and CSS), so the button stays hidden. */
(function () {
  var WIDE = window.matchMedia("(min-width: 60em)");
  var KEY = "standards.levels.sideBySide";

  function apply(levels, button, on) {
    levels.classList.toggle("levels--side-by-side", on);
    document.body.classList.toggle("levels-side-by-side", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function mount() {
    var levels = document.querySelector(".levels");
    var toolbar = document.querySelector(".levels-toolbar");
    if (!levels || !toolbar) return;
    var button = toolbar.querySelector("button");
    var stored = false;
    try { stored = localStorage.getItem(KEY) === "1"; } catch (e) { /* private mode */ }

    function update() {
      toolbar.hidden = !WIDE.matches;
      apply(levels, button, WIDE.matches && stored);
    }
    button.addEventListener("click", function () {
      stored = button.getAttribute("aria-pressed") !== "true";
      try { localStorage.setItem(KEY, stored ? "1" : "0"); } catch (e) { /* private mode */ }
      update();
    });
    WIDE.addEventListener("change", update);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
