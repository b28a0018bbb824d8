/* Citations ("Cite this standard", each rating level's at the end of its tab, and the
 * examples on How to cite): fill in the date accessed with today's date, in the reader's
 * own clock (the site is static, so the build cannot know it). Without JavaScript each
 * citation keeps the placeholder "[date]" for the reader to fill in. Material's copy
 * button then copies the whole citation, date included. */
(function () {
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"];

  function today() {
    var now = new Date();
    return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  }

  function fill() {
    var spans = document.querySelectorAll(".citation__accessed");
    for (var i = 0; i < spans.length; i++) spans[i].textContent = today();
  }

  // Material's instant navigation swaps pages without a full load: listen for both.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(fill);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
})();
