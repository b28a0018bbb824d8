/* Site search on Pagefind's JavaScript API (https://pagefind.app/docs/api/).
 *
 * The markup is standards_site/mkdocs/theme/partials/site-search.html, styled by Material's own search
 * classes. Nothing is downloaded until someone starts to search: the first focus of
 * the field (or a shortcut) imports pagefind.js, which then fetches only the index
 * chunks for the words typed and one small fragment per result shown.
 *
 * Keyboard: "/", "s" or "f" anywhere (outside a text field) opens the search, as in
 * Material; Escape closes it and returns focus to where it was; the arrow keys move
 * between the field and the result links; Enter in the field opens the first result.
 * The number of results is announced through the role="status" line. A query in the
 * address (?q=...) opens the search with it: see searchFromAddress(). */
(function () {
  var SHORTCUTS = ["/", "s", "f"];
  var SHOWN = 10;              // results rendered (each one fetches a fragment)
  var STANDARD_ID = /^\d+(\.\d+)+$/;
  // Results are shown once typing pauses this long: the fragments of results for
  // "w", "wo", "wor"... that nobody stops to read would cost downloads and delay
  // those of the word being typed. Searching itself does not wait (see run()).
  var PAUSE_MS = 100;
  var EXCERPT_WORDS = 24;      // Pagefind's excerptLength, also used by landing()
  // A rating level's block on a standard page: see mark_level_blocks() in
  // standards_site/site/search_index.py.
  var LEVEL_BLOCK = /^pagefind-level-(.+)$/;

  function mount(root) {
    var toggle = document.getElementById("__search");   // Material's CSS opens the panel from it
    var openButton = document.querySelector(".site-search__open");
    var closeButton = root.querySelector(".site-search__close");
    var form = root.querySelector("form");
    var input = root.querySelector("input[type=search]");
    var status = root.querySelector("[role=status]");
    var list = root.querySelector("#site-search-results");
    var archiveList = root.querySelector(".site-search__archive");
    var archiveTitle = root.querySelector(".site-search__archive-title");
    var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
    var archiveBundle = root.hasAttribute("data-archive") ? new URL(root.getAttribute("data-archive"), document.baseURI) : null;
    var pagefind = null;
    var archive = null;
    var returnFocus = null;

    /* Superseded editions have their own bundle (macros/search_index.py): the main
     * one stays small and fast at scale. It is searched after the main results are
     * shown, and its results are listed under their own heading. */
    function importBundle(url) {
      return import(url.href).then(function (module) {
        // Result URLs are relative to the site root: the folder above the bundle.
        return module.options({ baseUrl: new URL("..", url).pathname, excerptLength: EXCERPT_WORDS })
          .then(function () { module.init(); return module.filters(); })
          // The boost factors (see boosted()) are the same for every query: read them
          // once, while the bundle loads, not before each search.
          .then(function (filters) { return { pagefind: module, boosts: Object.keys(filters.boost || {}) }; });
      });
    }

    function load() {
      if (!pagefind) pagefind = importBundle(bundle);
      return pagefind;
    }

    function loadArchive() {
      if (!archive) archive = importBundle(archiveBundle);
      return archive;
    }

    function isOpen() { return toggle.checked; }

    function open() {
      if (!isOpen()) {
        returnFocus = document.activeElement !== input ? document.activeElement : null;
        toggle.checked = true;
      }
      openButton.setAttribute("aria-expanded", "true");
      if (document.activeElement !== input) input.focus();
      load();
    }

    function close(restoreFocus) {
      toggle.checked = false;
      openButton.setAttribute("aria-expanded", "false");
      if (restoreFocus) {
        var target = returnFocus && document.contains(returnFocus) && returnFocus !== document.body
          ? returnFocus : (openButton.offsetParent ? openButton : null);
        if (target) target.focus(); else input.blur();
      }
      returnFocus = null;
    }

    /* Pagefind reads "1.2" as the word "12" (and 1.12 and 11.2 both as "112"), so a
     * query that looks like a standard's id first asks for the pages whose `standard`
     * filter is exactly that id, newest edition first (set in macros/search_index.py),
     * then adds the ordinary results after them. */
    function find(bundle, query) {
      var ordinary = boosted(bundle, query);
      if (!STANDARD_ID.test(query)) return ordinary;
      // The query itself is kept (a page with standard 1.2 has "1.2" in its heading):
      // a filter without a query would make Pagefind load every index chunk.
      var exact = bundle.pagefind.search(query, { filters: { standard: query }, sort: { published: "desc" } });
      return Promise.all([exact, ordinary]).then(function (both) {
        var seen = {};
        both[0].results.forEach(function (r) { seen[r.id] = true; });
        return { results: both[0].results.concat(both[1].results.filter(function (r) { return !seen[r.id]; })) };
      });
    }

    /* Pages whose front matter sets `search: boost: 2` (the standards) carry a
     * `boost` filter; their scores are multiplied by it, as Material's search did.
     * The pages are split by filter, one search per factor and one for the pages
     * without a boost, rather than a search of every page plus one per factor: each
     * page is scored once (Pagefind's scores do not depend on the filter), and the
     * searches reuse the index chunks already loaded. */
    function boosted(bundle, query) {
      var factors = bundle.boosts;
      var searches = factors.map(function (factor) {
        return bundle.pagefind.search(query, { filters: { boost: factor } });
      });
      searches.push(bundle.pagefind.search(query, factors.length ? { filters: { not: { boost: { any: factors } } } } : {}));
      return Promise.all(searches).then(function (found) {
        var results = [];
        found.forEach(function (part, i) {
          var factor = i < factors.length ? parseFloat(factors[i]) : 1;
          part.results.forEach(function (r) { r.boostedScore = r.score * factor; results.push(r); });
        });
        results.sort(function (a, b) { return b.boostedScore - a.boostedScore; });
        return { results: results };
      });
    }

    /* The fragments (title, excerpt, URL) of the results shown: one small file each. */
    function shownPages(found) {
      return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); }));
    }

    function say(text) { if (status.textContent !== text) status.textContent = text; }

    /* One search at a time: while one runs, keystrokes only update the query that
     * waits, so a fast typist never queues a search per letter. Each keystroke
     * preloads the index chunks for what is typed, and a search starts as soon as
     * none runs; but its results are fetched and shown only once typing has paused
     * (PAUSE_MS) with nothing newer typed. The list stays aria-busy until the results
     * of the whole query are in. */
    var running = false;
    var waiting = null;
    var lastKey = 0;
    var wake = null;      // ends a wait for typing to pause early: see typingPaused()

    function search() {
      waiting = input.value.trim();
      lastKey = performance.now();
      list.setAttribute("aria-busy", "true");
      if (waiting) preload(waiting);
      if (wake) wake();
      if (!running) run();
    }

    /* Fetch the index chunks for what is typed so far while a search runs or typing goes on. */
    function preload(query) {
      load().then(function (bundle) { return bundle.pagefind.preload(query); })
        .catch(function () {});   // a failed load is reported by the search itself
    }

    /* Resolves once no key has been pressed for PAUSE_MS, or as soon as one is. */
    function typingPaused() {
      var left = lastKey + PAUSE_MS - performance.now();
      if (left <= 0) return Promise.resolve();
      return new Promise(function (resolve) {
        var timer = setTimeout(function () { wake = null; resolve(); }, left);
        wake = function () { clearTimeout(timer); wake = null; resolve(); };
      });
    }

    function run() {
      var query = waiting;
      waiting = null;
      running = true;
      var done = query ? load().then(function (bundle) {
        return find(bundle, query).then(function (found) {
          return typingPaused().then(function () {
            if (waiting !== null && waiting !== query) return;   // stale: fetch nothing more for it
            return shownPages(found)
              .then(function (pages) {
                show(pages, found.results.length);
                if (archiveBundle && waiting === null) return searchArchive(query, found.results.length);
              });
          });
        });
      }) : Promise.resolve(show([], -1));
      done.catch(function (error) { say("Search is not available: " + error.message); }).then(function () {
        running = false;
        if (waiting !== null) run();
        else list.setAttribute("aria-busy", "false");
      });
    }

    function searchArchive(query, total) {
      return loadArchive().then(function (bundle) { return find(bundle, query); }).then(function (found) {
        if (waiting !== null) return;
        return shownPages(found)
          .then(function (pages) {
            if (waiting !== null) return;
            showArchive(pages);
            if (found.results.length) {
              say(countText(total) + "; " + found.results.length + " in superseded editions");
            }
          });
      });
    }

    function showArchive(pages) {
      if (!archiveList) return;
      archiveList.replaceChildren.apply(archiveList, pages.map(resultItem));
      archiveList.hidden = archiveTitle.hidden = pages.length === 0;
    }

    function countText(total) {
      return total === 0 ? "No matching pages"
        : total === 1 ? "1 matching page"
        : total + " matching pages" + (total > SHOWN ? ", first " + SHOWN + " shown" : "");
    }

    function show(pages, total) {
      showArchive([]);
      list.replaceChildren.apply(list, pages.map(resultItem));
      say(total === -1 ? "Type to start searching" : countText(total));
    }

    function resultItem(page) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link site-search__link";
      var place = landing(page);
      link.href = place.url;
      var title = document.createElement("span");
      title.className = "site-search__title";
      var meta = page.meta || {};
      title.textContent = (meta.title || page.url) + (meta.edition ? " (" + meta.edition + " edition)" : "");
      if (place.section) {
        var section = document.createElement("span");
        section.className = "site-search__section";
        section.textContent = place.section;
        title.append(": ", section);   // "Glossary: WMT", "1.2 Staff (2018 edition): Good"
      }
      var excerpt = document.createElement("span");
      excerpt.className = "site-search__excerpt";
      appendExcerpt(excerpt, page.excerpt || "");
      link.append(title, excerpt);
      item.append(link);
      return item;
    }

    /* Where a result opens: at the part of the page its excerpt comes from, not at the top
     * of a long page (the glossary is one page; a standard's levels are tabs).
     *
     * Pagefind lists, with each result, every element with an id in the indexed text and
     * the word position where it starts (`anchors`), and the position of every word
     * found (`weighted_locations`). Its own sub-results cut the page at headings only,
     * and a standard's rating levels have no headings: they are tabs whose anchors
     * (#inadequate) are radio buttons placed before all the levels' text. So the build
     * gives each level's block an id of its own, "pagefind-level-<level id>", and its
     * label as metadata under that id (mark_level_blocks in site/search_index.py), and
     * this picks the place itself:
     *   1. the excerpt's window, found as Pagefind finds it (calculate_excerpt_region:
     *      the run of EXCERPT_WORDS words with the highest total score, its midpoint
     *      among equals), so the link opens where the excerpt shown comes from;
     *   2. each word found in that window belongs to the last heading (h2-h6) or level
     *      block starting at or before it (or to the page, before the first);
     *   3. the part whose words there score highest (a window can span two short levels).
     * A level block opens at the level's permanent anchor (#inadequate), which selects
     * its tab on load; a heading at its own id (a glossary term: #wmt); text under the
     * page's title (h1) or before any heading, at the page itself. The level names come
     * from the page, never from here: each edition has its own scale. */
    function landing(page) {
      var found = page.weighted_locations || [];
      var start = excerptStart(found);
      var sections = (page.anchors || []).filter(function (a) {
        return /^h[2-6]$/i.test(a.element) || LEVEL_BLOCK.test(a.id);
      }).sort(function (a, b) { return a.location - b.location; });
      var scores = new Map();   // section (null: the page itself) -> score of its words in the excerpt
      found.forEach(function (word) {
        if (word.location < start || word.location >= start + EXCERPT_WORDS) return;
        var section = null;
        sections.forEach(function (a) { if (a.location <= word.location) section = a; });
        scores.set(section, (scores.get(section) || 0) + word.balanced_score);
      });
      var anchor = null, best = -1;
      scores.forEach(function (score, section) { if (score > best) { best = score; anchor = section; } });
      if (!anchor) return { url: page.url, section: "" };
      var level = LEVEL_BLOCK.exec(anchor.id);
      var meta = page.meta || {};
      return {
        url: page.url.replace(/#.*$/, "") + "#" + encodeURIComponent(level ? level[1] : anchor.id),
        section: level ? (meta[anchor.id] || "") : (anchor.text || ""),
      };
    }

    /* Pagefind's own choice of the excerpt's first word (calculate_excerpt_region in
     * pagefind_web_js/lib/excerpt.ts, 1.5.2), which its API does not expose. */
    function excerptStart(found) {
      var words = [];
      found.forEach(function (word) { words[word.location] = (words[word.location] || 0) + word.balanced_score; });
      if (words.length <= EXCERPT_WORDS) return 0;
      var sum = 0;
      for (var i = 0; i < EXCERPT_WORDS; i++) sum += words[i] || 0;
      var densest = sum, at = [0];
      for (i = 0; i < words.length; i++) {
        sum += (words[i + EXCERPT_WORDS] || 0) - (words[i] || 0);
        if (sum > densest) { densest = sum; at = [i]; }
        else if (sum === densest && at[at.length - 1] === i - 1) at.push(i);
      }
      return at[Math.floor(at.length / 2)];
    }

    /* Pagefind's excerpt is escaped text with <mark> around the words found: build it
     * as text nodes and <mark> elements, never as HTML. */
    function appendExcerpt(element, excerpt) {
      var decode = document.createElement("textarea");
      excerpt.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
        if (part === "<mark>") return true;
        if (part === "</mark>") return false;
        decode.innerHTML = part;
        var text = document.createTextNode(decode.value);
        if (marked) { var mark = document.createElement("mark"); mark.append(text); element.append(mark); }
        else element.append(text);
        return marked;
      }, false);
    }

    function links() { return Array.prototype.slice.call(root.querySelectorAll(".site-search__results a")); }

    function moveFocus(step) {
      var all = links();
      var index = all.indexOf(document.activeElement);
      if (index === -1) { if (step > 0 && all.length) all[0].focus(); return; }
      var next = index + step;
      if (next < 0) input.focus();
      else if (next < all.length) all[next].focus();
    }

    function editable(element) {
      return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
    }

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isOpen() && event.key === "Escape") { event.preventDefault(); close(true); return; }
      if (!isOpen() && SHORTCUTS.indexOf(event.key) !== -1 && !editable(document.activeElement)) {
        event.preventDefault();
        open();
      }
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); moveFocus(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); moveFocus(-1); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) first.click();
    });
    input.addEventListener("focus", open);
    input.addEventListener("input", search);
    openButton.addEventListener("click", open);
    closeButton.addEventListener("click", function () { close(true); });
    toggle.addEventListener("change", function () { if (!isOpen()) close(false); });  // overlay or back arrow
    root.addEventListener("focusout", function (event) {
      if (isOpen() && event.relatedTarget && !root.contains(event.relatedTarget)) close(false);
    });

    root.hidden = false;
    openButton.hidden = false;
    searchFromAddress();

    /* A search asked for in the address (?q=workload), as the 404 page's form sends it
     * (without scripts the form still leads to the home page and its routes). The query is run
     * and the address tidied, so a reload or the back button does not search again. */
    function searchFromAddress() {
      var params = new URLSearchParams(window.location.search);
      var query = params.get("q");
      if (!query || !query.trim()) return;
      params.delete("q");
      var rest = params.toString();
      history.replaceState(history.state, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
      input.value = query;
      open();
      search();
    }
  }

  function start() {
    var root = document.querySelector("[data-site-search]");
    if (root && document.getElementById("__search")) mount(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
