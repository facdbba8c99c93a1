// Tabs for <Tabs>/<TabItem>: the static HTML already holds every panel (the others hidden), so a
// page without this script still shows the default tab. This adds what Docusaurus does in the
// browser: switching by click and arrow keys, the same choice for every tab set of a groupId on
// the page, remembered in localStorage ("docusaurus.tab.<groupId>"), and a queryString key in the URL.
(function () {
  "use strict";
  var storagePrefix = "docusaurus.tab.";
  var containers = Array.prototype.slice.call(document.querySelectorAll("[data-tabs]"));
  if (!containers.length) return;

  function tabsOf(container) {
    var list = container.querySelector(':scope > [role="tablist"]');
    return list ? Array.prototype.slice.call(list.querySelectorAll(':scope > [role="tab"]')) : [];
  }

  function panelsOf(container) {
    var holder = container.querySelector(":scope > .tabs__panels");
    return holder ? Array.prototype.slice.call(holder.querySelectorAll(':scope > [role="tabpanel"]')) : [];
  }

  function has(container, value) {
    return tabsOf(container).some(function (tab) { return tab.getAttribute("data-value") === value; });
  }

  // Shows `value` in one container; false when it has no such tab.
  function select(container, value, focus) {
    if (!has(container, value)) return false;
    tabsOf(container).forEach(function (tab) {
      var on = tab.getAttribute("data-value") === value;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      tab.classList.toggle("tabs__item--active", on);
      if (on && focus) tab.focus();
    });
    panelsOf(container).forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-value") !== value;
    });
    return true;
  }

  function store(group, value) {
    try { window.localStorage.setItem(storagePrefix + group, value); } catch (e) { /* storage off */ }
  }

  function stored(group) {
    try { return window.localStorage.getItem(storagePrefix + group); } catch (e) { return null; }
  }

  function choose(container, value, focus) {
    if (!select(container, value, focus)) return;
    var group = container.getAttribute("data-group-id");
    if (group) {
      // Every tab set of the group follows, keeping the chosen tab where it was on screen.
      var before = container.getBoundingClientRect().top;
      containers.forEach(function (other) {
        if (other !== container && other.getAttribute("data-group-id") === group) select(other, value, false);
      });
      var shift = container.getBoundingClientRect().top - before;
      if (shift) window.scrollBy(0, shift);
      store(group, value);
    }
    var key = container.getAttribute("data-query-string");
    if (key && window.history && window.history.replaceState) {
      var url = new URL(window.location.href);
      url.searchParams.set(key, value);
      window.history.replaceState(window.history.state, "", url.toString());
    }
  }

  var query = new URLSearchParams(window.location.search);
  containers.forEach(function (container) {
    var key = container.getAttribute("data-query-string");
    var group = container.getAttribute("data-group-id");
    // The URL wins over the stored choice, which wins over the default (as in Docusaurus).
    var wanted = (key && query.get(key)) || (group && stored(group));
    if (wanted) select(container, wanted, false);

    var tabs = tabsOf(container);
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { choose(container, tab.getAttribute("data-value"), false); });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") next = tabs[(index + 1) % tabs.length];
        else if (event.key === "ArrowLeft") next = tabs[(index - 1 + tabs.length) % tabs.length];
        else if (event.key === "Home") next = tabs[0];
        else if (event.key === "End") next = tabs[tabs.length - 1];
        if (!next) return;
        event.preventDefault();
        choose(container, next.getAttribute("data-value"), true);
      });
    });
  });
})();
