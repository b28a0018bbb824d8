/* Accessibility fixes to Material for MkDocs 9.8.1 that templates and CSS cannot make,
 * because Material builds the elements concerned in its JavaScript. Each fix is checked
 * by the browser tests (tests/browser/test_keyboard.py, test_accessibility.py). The theme's main.html (standards_site/mkdocs/theme/)
 * adds this file to every page. */
(function () {
  var NARROW = window.matchMedia("(max-width: 76.2344em)");

  /* Below Material's 76.25em breakpoint the site navigation lives in a drawer that slides
   * in from the left. Its menu button is a <label>, which a keyboard cannot reach, yet the
   * links in the closed drawer still take focus, off screen, where nobody can see them
   * (WCAG 2.4.7, 2.4.11). So: when focus enters the drawer, open it; when focus leaves it,
   * close it again. Material drives the drawer from the #__drawer checkbox. */
  function openDrawerOnFocus() {
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

  /* Material puts each code block's copy button in a <nav>, so a page with several code
   * blocks has several unnamed navigation landmarks (axe landmark-unique), which clutter
   * a screen reader's list of landmarks. A copy button is not navigation: drop the role.
   * Material adds these after load, hence the observer. */
  function unlandmarkCodeButtons() {
    function fix(root) {
      root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
        nav.setAttribute("role", "none");
      });
    }
    fix(document);
    new MutationObserver(function () { fix(document); })
      .observe(document.body, { childList: true, subtree: true });
  }

  function mount() {
    openDrawerOnFocus();
    unlandmarkCodeButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
