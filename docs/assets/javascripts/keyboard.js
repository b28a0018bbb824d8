/* Keyboard access to the navigation drawer on narrow screens.
 *
 * Below Material's 76.25em breakpoint the site navigation lives in a drawer that slides
 * in from the left. Its menu button is a <label>, which a keyboard cannot reach, yet the
 * links in the closed drawer still take focus, off screen, where nobody can see them
 * (WCAG 2.4.7, 2.4.11). So: when focus enters the drawer, open it; when focus leaves it,
 * close it again. Material drives the drawer from the #__drawer checkbox. */
(function () {
  var NARROW = window.matchMedia("(max-width: 76.2344em)");

  function mount() {
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !sidebar) return;

    function setOpen(open) {
      if (drawer.checked !== open) drawer.click();  // click() also tells Material's scripts
    }
    sidebar.addEventListener("focusin", function () {
      if (NARROW.matches) setOpen(true);
    });
    sidebar.addEventListener("focusout", function (event) {
      if (NARROW.matches && !sidebar.contains(event.relatedTarget)) setOpen(false);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
