/*
 * Dossier's search box for large dossiers (overrides/partials/pagefind.html), on Pagefind's
 * JavaScript API. Pagefind's index comes in small chunks fetched as the reader types.
 *
 * Why not Pagefind's ready-made UI: it loads every filter when it starts, and Pagefind then
 * counts each value of each loaded filter on every search, which made a common word take over a
 * second at 10,000 articles. Here a filter is loaded only once the reader uses it, and the
 * filter lists come from a small file the generator writes beside the index.
 *
 * Everything shown comes from the index as text: titles and excerpts are put in the page as
 * text nodes (an excerpt keeps only Pagefind's <mark> highlights), never as HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-dossier-search]");
  if (!root) return;

  var PAGE_SIZE = 5; // results shown at once; "More results" shows the next ones
  var DEBOUNCE_MS = 40; // wait this long after a key before searching (keys typed at once)
  var SHORT_TERM_MS = 250; // longer for a term of 2 or 3 letters, a prefix of many words
  var MIN_CHARS = 2; // one letter matches nearly every page: no search until two
  var FULL_AFTER_MS = 150; // between the exact search of a word and the full one (see search)

  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI).pathname;
  var input = root.querySelector(".dossier-search__input");
  var panel = root.querySelector(".dossier-search__panel");
  var filterBox = root.querySelector(".dossier-search__filters");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var status = root.querySelector(".dossier-search__status");
  var list = root.querySelector(".dossier-search__results");
  var more = root.querySelector(".dossier-search__more");

  var loading = null; // the promise of Pagefind, ready to search
  var generation = 0; // bumped on every change; stale searches drop their results
  var timer = null;
  var results = [];
  var shown = 0;
  var busy = false; // a search is running
  var pending = null; // the latest search asked for while one ran

  var replaced = new Set(); // ids of full-index pages the delta replaces or that are gone

  // After an update, the pages it changed are in a small second index (generator/search_index.py):
  // merged with the full one, whose results for those pages are dropped.
  function mergeDelta(pf) {
    return fetch(bundle + "dossier-delta.json")
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (delta) {
        replaced = new Set(delta.replaced || []);
        if (delta.bundle) return pf.mergeIndex(bundle + delta.bundle);
      });
  }

  function pagefind() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (pf) {
        return pf.init()
          .then(function () { return mergeDelta(pf); })
          .then(function () { return pf; });
      });
    }
    return loading;
  }

  // A page in both indexes (changed, same text) has one id: it is shown once.
  function current(found) {
    var seen = new Set();
    return found.filter(function (result) {
      if (replaced.has(result.id) || seen.has(result.id)) return false;
      seen.add(result.id);
      return true;
    });
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-filter")] = select.value;
    });
    return filters;
  }

  function setOpen(open) {
    panel.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function clearResults() {
    results = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
  }

  // Pagefind's excerpt is text with <mark> around the matches: keep the text and the marks only.
  function excerptNodes(excerpt) {
    var parsed = document.createElement("template");
    parsed.innerHTML = excerpt;
    var out = document.createDocumentFragment();
    parsed.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "dossier-search__result";
    var link = document.createElement("a");
    link.className = "dossier-search__link";
    link.href = /^(\/|https?:)/.test(data.url) ? data.url : "#";
    link.textContent = (data.meta && data.meta.title) || data.url;
    item.append(link);
    var meta = data.meta || {};
    var facts = [meta.date, meta.outlet].filter(Boolean).join(" \u00b7 ");
    if (facts) {
      var line = document.createElement("p");
      line.className = "dossier-search__meta";
      line.textContent = facts;
      item.append(line);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "dossier-search__excerpt";
    excerpt.append(excerptNodes(data.excerpt || ""));
    item.append(excerpt);
    return item;
  }

  function showMore(mine) {
    var next = results.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (data) {
      if (mine !== generation) return;
      data.forEach(function (d) { list.append(resultItem(d)); });
      more.hidden = shown >= results.length;
    });
  }

  function describe(count, term) {
    var what = term ? "\u201c" + term + "\u201d" : "these filters";
    if (!count) return "No results for " + what;
    return count.toLocaleString("en") + (count === 1 ? " result" : " results") + " for " + what;
  }

  // Pagefind's search for a word also matches the longer words it begins (the reader may not
  // have finished typing) and scores each of them: three times slower than the exact word alone
  // (a word on half the pages of a 10,000-article dossier took ~400 ms). So a single word is
  // first searched exactly, and those results show at once; the full search follows, adding the
  // longer words' pages after the ones shown and setting the count.
  var wake = null; // ends the running search's pause early: the reader typed on

  function pause(ms) {
    return new Promise(function (resolve) {
      var timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  function exactFirst(term) {
    return term && /^[^\s"]+$/.test(term) ? "\"" + term + "\"" : null;
  }

  function showFound(mine, term, found) {
    clearResults();
    results = found;
    status.textContent = describe(results.length, term);
    return showMore(mine);
  }

  // The full results after the exact ones: those shown stay where they are, first.
  function addFound(term, found) {
    var first = results.slice(0, shown);
    var ids = new Set(first.map(function (result) { return result.id; }));
    results = first.concat(found.filter(function (result) { return !ids.has(result.id); }));
    status.textContent = describe(results.length, term);
    more.hidden = shown >= results.length;
  }

  function search(pf, mine, term, filters) {
    var exact = exactFirst(term);
    if (!exact) {
      return pf.search(term || null, { filters: filters }).then(function (found) {
        if (mine === generation) showFound(mine, term, current(found.results));
      });
    }
    return pf.search(exact, { filters: filters }).then(function (quick) {
      if (mine !== generation) return null;
      var early = current(quick.results);
      if (early.length) showFound(mine, term, early);
      // A reader still typing presses the next key within this pause: the full search of a
      // word they have not finished would only hold up the next one.
      return pause(FULL_AFTER_MS).then(function () {
        if (mine !== generation) return null;
        return pf.search(term, { filters: filters }).then(function (found) {
          if (mine !== generation) return;
          if (early.length) addFound(term, current(found.results));
          else showFound(mine, term, current(found.results));
        });
      });
    });
  }

  // Pagefind searches one query at a time and cannot stop one midway: while a search runs, only
  // the latest query waits for its turn, and the ones typed in between are never run.
  function run(mine, term, filters) {
    if (busy) {
      pending = { mine: mine, term: term, filters: filters };
      return;
    }
    busy = true;
    pagefind()
      .then(function (pf) {
        if (mine === generation) return search(pf, mine, term, filters);
      })
      .then(finished, function () {
        finished();
        if (mine === generation) status.textContent = "Search is not available here.";
      });
  }

  function finished() {
    busy = false;
    var next = pending;
    pending = null;
    if (next && next.mine === generation) run(next.mine, next.term, next.filters);
  }

  function schedule() {
    clearTimeout(timer);
    var mine = ++generation;
    if (wake) wake(); // the search still pausing is stale: let the next one start
    var term = input.value.trim();
    var filters = chosenFilters();
    var filtered = Object.keys(filters).length > 0;
    if (term.length < MIN_CHARS) term = "";
    if (!term && !filtered) {
      clearResults();
      status.textContent = input.value.trim() ? "Type one more letter to search" : "";
      setOpen(Boolean(input.value.trim()) || filterBox.open);
      return;
    }
    setOpen(true);
    if (term) {
      // Fetch the chunks for the term while the debounce runs.
      pagefind().then(function (pf) { pf.preload(term, { filters: filters }); }).catch(function () {});
    }
    var wait = term && term.length <= 3 ? SHORT_TERM_MS : DEBOUNCE_MS;
    timer = setTimeout(function () { run(mine, term, filters); }, wait);
  }

  var valuesLoaded = false;
  function loadFilterValues() {
    if (valuesLoaded) return;
    valuesLoaded = true;
    fetch(bundle + "dossier-filters.json")
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (values) {
        selects.forEach(function (select) {
          (values[select.getAttribute("data-filter")] || []).forEach(function (value) {
            select.append(new Option(String(value), String(value)));
          });
        });
      })
      .catch(function () { valuesLoaded = false; });
  }

  // Pagefind's runtime (its script, WebAssembly and the index's entry files, about 200 KB for the
  // whole site) loads once the page is idle, so the first search does not wait for it; Material's
  // own search loads its whole index on every page. A reader who asked the browser to save data
  // gets it on focus instead.
  function loadWhenIdle() {
    if (navigator.connection && navigator.connection.saveData) return;
    var start = function () { pagefind().catch(function () {}); };
    if (window.requestIdleCallback) window.requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  }
  if (document.readyState === "complete") loadWhenIdle();
  else window.addEventListener("load", loadWhenIdle);

  input.addEventListener("focus", function () {
    pagefind().catch(function () {}); // fetch Pagefind's entry files before the first key
    setOpen(true); // the filters show at once: a reader may filter without a word
  });
  input.addEventListener("input", schedule);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      schedule();
      setOpen(false);
      input.blur();
    } else if (event.key === "Enter") {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    }
  });
  filterBox.addEventListener("toggle", function () {
    if (filterBox.open) loadFilterValues();
  });
  selects.forEach(function (select) { select.addEventListener("change", schedule); });
  more.addEventListener("click", function () { showMore(generation); });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) setOpen(false);
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
})();
