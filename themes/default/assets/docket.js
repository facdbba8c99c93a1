/* docket default theme: progressive enhancements. The page is complete without this file;
 * it adds the colour-mode toggle, the sidebar drawer, collapsible (and lazily loaded) sidebar
 * categories, copy buttons, the current-section highlight in the table of contents, mermaid, and
 * the search box. */
(function () {
  'use strict';

  var doc = document;
  var root = doc.documentElement;
  var THEME_KEY = 'docket-theme';
  var WIDE = '(min-width: 997px)';
  var WRAP_KEY = 'docket-code-wrap';

  root.classList.add('js');

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function el(tag, className, text) {
    var node = doc.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // Compares URL paths the way the site serves them: /a/b, /a/b/ and /a/b/index.html are one page.
  function normalizePath(path) {
    try { path = decodeURI(path); } catch (e) { /* keep it as written */ }
    path = path.replace(/\/index\.html?$/, '/').replace(/\.html?$/, '');
    return path.length > 1 ? path.replace(/\/+$/, '') : path;
  }

  function pathOf(href) {
    try { return normalizePath(new URL(href, location.href).pathname); } catch (e) { return null; }
  }

  var currentPath = normalizePath(doc.body.getAttribute('data-page-url') || location.pathname);

  /* ---------------------------------------------------------------- colour mode */

  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  var themeListeners = [];

  function storedTheme() {
    try {
      var t = localStorage.getItem(THEME_KEY);
      return t === 'light' || t === 'dark' ? t : null;
    } catch (e) { return null; }
  }

  function currentTheme() {
    return root.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
  }

  function updateToggles() {
    var next = currentTheme() === 'dark' ? 'light' : 'dark';
    each(doc.querySelectorAll('.color-mode-toggle'), function (button) {
      var label = 'Switch to ' + next + ' mode (currently ' + currentTheme() + ' mode)';
      button.setAttribute('aria-label', label);
      button.setAttribute('title', label);
    });
  }

  function applyTheme(theme) {
    var changed = theme !== currentTheme();
    root.setAttribute('data-theme', theme);
    updateToggles();
    if (changed) themeListeners.forEach(function (fn) { fn(theme); });
  }

  each(doc.querySelectorAll('.color-mode-toggle'), function (button) {
    button.addEventListener('click', function () {
      var theme = currentTheme() === 'dark' ? 'light' : 'dark';
      try { localStorage.setItem(THEME_KEY, theme); } catch (e) { /* private mode: not persisted */ }
      applyTheme(theme);
    });
  });

  if (darkQuery) {
    var onSystemChange = function () {
      if (!storedTheme()) applyTheme(darkQuery.matches ? 'dark' : 'light');
    };
    if (darkQuery.addEventListener) darkQuery.addEventListener('change', onSystemChange);
    else if (darkQuery.addListener) darkQuery.addListener(onSystemChange);
  }

  // Another tab changed the choice.
  window.addEventListener('storage', function (event) {
    if (event.key !== THEME_KEY) return;
    var theme = storedTheme();
    applyTheme(theme || (darkQuery && darkQuery.matches ? 'dark' : 'light'));
  });

  updateToggles();

  /* ---------------------------------------------------------------- drawer (narrow screens) */

  var drawer = doc.getElementById('docket-sidebar');
  var drawerToggles = doc.querySelectorAll('.navbar__toggle');
  var wideQuery = window.matchMedia ? window.matchMedia(WIDE) : null;

  function drawerIsOpen() { return root.classList.contains('drawer-open'); }

  function setDrawer(open, returnFocus) {
    if (!drawer || open === drawerIsOpen()) return;
    root.classList.toggle('drawer-open', open);
    each(drawerToggles, function (t) { t.setAttribute('aria-expanded', open ? 'true' : 'false'); });
    if (open) {
      var focusTarget = drawer.querySelector('.menu__link--active') || drawer.querySelector('.drawer__close');
      if (focusTarget) focusTarget.focus({ preventScroll: true });
      var active = drawer.querySelector('.sidebar .menu__link--active');
      if (active) active.scrollIntoView({ block: 'center' });
    } else if (returnFocus && drawerToggles[0]) {
      drawerToggles[0].focus();
    }
  }

  if (drawer) {
    // Without JS these are plain #docket-sidebar / # links driving CSS :target; with JS, a class.
    each(drawerToggles, function (t) {
      t.addEventListener('click', function (event) {
        event.preventDefault();
        setDrawer(!drawerIsOpen(), false);
      });
    });
    each(doc.querySelectorAll('.drawer__close, .drawer-backdrop'), function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        setDrawer(false, true);
      });
    });
    drawer.addEventListener('click', function (event) {
      var link = event.target.closest('a[href]');
      if (link && !link.classList.contains('drawer__close') && !link.classList.contains('navbar__brand')) setDrawer(false, false);
    });
    doc.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && drawerIsOpen()) setDrawer(false, true);
      // While the drawer is open (narrow screens) Tab cycles inside it.
      if (event.key === 'Tab' && drawerIsOpen()) {
        var focusable = Array.prototype.filter.call(
          drawer.querySelectorAll('a[href], button:not([disabled]), input, [tabindex]:not([tabindex="-1"])'),
          function (node) { return node.offsetParent !== null; });
        if (!focusable.length) return;
        var first = focusable[0], last = focusable[focusable.length - 1];
        var inside = drawer.contains(doc.activeElement);
        if (event.shiftKey && (doc.activeElement === first || !inside)) { event.preventDefault(); last.focus(); }
        else if (!event.shiftKey && (doc.activeElement === last || !inside)) { event.preventDefault(); first.focus(); }
      }
    });
    if (wideQuery) {
      var onWide = function () { if (wideQuery.matches) setDrawer(false, false); };
      if (wideQuery.addEventListener) wideQuery.addEventListener('change', onWide);
      else if (wideQuery.addListener) wideQuery.addListener(onWide);
    }
    // Arrived with #docket-sidebar in the URL (a no-JS click, then a reload): drop the hash.
    if (location.hash === '#docket-sidebar' && history.replaceState) {
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  /* ---------------------------------------------------------------- sidebar categories */

  var sidebar = doc.querySelector('nav.sidebar');
  var treePromise = null;

  // sidebar.json: [{label, url, type: "doc"|"category"|"link", key, items: [...]}]
  function loadTree() {
    if (!treePromise) {
      var url = sidebar.getAttribute('data-sidebar-json');
      treePromise = fetch(url, { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error('sidebar.json: HTTP ' + response.status);
          return response.json();
        })
        .then(function (tree) {
          var byKey = {};
          (function index(nodes) {
            (nodes || []).forEach(function (node) {
              if (node.type === 'category') {
                if (node.key != null) byKey[node.key] = node;
                index(node.items);
              }
            });
          })(tree);
          return byKey;
        });
      treePromise.catch(function () { treePromise = null; });
    }
    return treePromise;
  }

  // Same markup as icon-external.mustache.
  var EXTERNAL_ICON = '<svg class="icon-external" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">' +
    '<path d="M7 1h4v4M11 1 5.5 6.5M9.5 7.5V11h-8.5V2.5H4.5" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round"/>' +
    '</svg><span class="sr-only"> (opens in a new tab)</span>';

  function isExternal(url) { return /^[a-z][a-z0-9+.-]*:/i.test(url || ''); }

  function containsCurrent(node) {
    if (node.url && !isExternal(node.url) && pathOf(node.url) === currentPath) return true;
    return (node.items || []).some(containsCurrent);
  }

  function caretLabel(label) { return 'Expand or collapse ‘' + label + '’'; }

  // Builds the same markup as sidebar-items.mustache.
  function buildItem(node) {
    var li = el('li', 'menu__list-item');
    var active = !!node.url && !isExternal(node.url) && pathOf(node.url) === currentPath;
    if (node.type === 'category') {
      var expanded = containsCurrent(node);
      li.classList.add('menu__list-item--category');
      if (!expanded) li.classList.add('menu__list-item--collapsed');
      if (expanded) li.classList.add('menu__list-item--active-path');
      if (node.key != null) li.setAttribute('data-key', node.key);
      li.setAttribute('data-lazy', 'true');
      var row = el('div', 'menu__category');
      if (node.url) {
        var link = el('a', 'menu__link menu__link--category', node.label);
        link.href = node.url;
        if (active) { link.classList.add('menu__link--active'); link.setAttribute('aria-current', 'page'); }
        var caret = el('button', 'menu__caret');
        caret.type = 'button';
        caret.setAttribute('aria-label', caretLabel(node.label));
        caret.setAttribute('aria-expanded', String(expanded));
        row.appendChild(link);
        row.appendChild(caret);
      } else {
        var toggle = el('button', 'menu__link menu__link--category menu__toggle', node.label);
        toggle.type = 'button';
        toggle.setAttribute('aria-expanded', String(expanded));
        row.appendChild(toggle);
      }
      li.appendChild(row);
      if (expanded) fillCategory(li, node);
    } else {
      var a = el('a', 'menu__link', node.label);
      a.href = node.url || '#';
      if (active) { a.classList.add('menu__link--active'); a.setAttribute('aria-current', 'page'); }
      if (isExternal(node.url)) {
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.insertAdjacentHTML('beforeend', EXTERNAL_ICON);
      }
      li.appendChild(a);
    }
    return li;
  }

  function fillCategory(li, node) {
    // A category whose items are not on the page has no list yet (sidebar-items.mustache).
    var list = li.querySelector(':scope > .menu__list');
    if (!list) list = li.appendChild(el('ul', 'menu__list'));
    else if (list.children.length) return;
    (node.items || []).forEach(function (child) { list.appendChild(buildItem(child)); });
    li.setAttribute('data-loaded', 'true');
  }

  function loadChildren(li) {
    if (li.getAttribute('data-loaded') === 'true' || li.getAttribute('aria-busy') === 'true') return;
    var key = li.getAttribute('data-key');
    li.setAttribute('aria-busy', 'true');
    loadTree()
      .then(function (byKey) { if (byKey[key]) fillCategory(li, byKey[key]); })
      .catch(function (error) {
        // The category link, if any, still leads to the category's page.
        if (window.console) console.warn('docket: could not load the sidebar:', error);
      })
      .then(function () { li.removeAttribute('aria-busy'); });
  }

  function setExpanded(li, expanded) {
    li.classList.toggle('menu__list-item--collapsed', !expanded);
    each(li.querySelectorAll(':scope > .menu__category > button'), function (b) {
      b.setAttribute('aria-expanded', String(expanded));
    });
    if (expanded && li.getAttribute('data-lazy') === 'true') loadChildren(li);
  }

  if (sidebar) {
    sidebar.addEventListener('click', function (event) {
      var button = event.target.closest('.menu__caret, .menu__toggle');
      if (!button || !sidebar.contains(button)) return;
      var li = button.closest('.menu__list-item');
      setExpanded(li, li.classList.contains('menu__list-item--collapsed'));
    });

    // Bring the current page into view in a long sidebar.
    var activeLink = sidebar.querySelector('.menu__link--active');
    if (activeLink && wideQuery && wideQuery.matches) {
      var top = activeLink.offsetTop - sidebar.offsetTop;
      if (top > sidebar.clientHeight * 0.7) sidebar.scrollTop = top - sidebar.clientHeight / 3;
    }
  }

  /* ---------------------------------------------------------------- navbar: current section */

  each(doc.querySelectorAll('.navbar__link, .drawer__navbar-items .menu__link'), function (a) {
    if (a.target === '_blank') return;
    var p = pathOf(a.getAttribute('href'));
    if (p && p !== '/' && (currentPath === p || currentPath.indexOf(p + '/') === 0)) {
      a.classList.add(a.classList.contains('navbar__link') ? 'navbar__link--active' : 'menu__link--active');
    }
  });

  /* ---------------------------------------------------------------- copy buttons */

  function codeText(pre) {
    // A runbook block filled with the reader's values (runbook.js) says what to copy.
    if (pre.dataset.copy !== undefined) return pre.dataset.copy;
    var lines = pre.querySelectorAll('.line');
    if (lines.length) {
      return Array.prototype.map.call(lines, function (line) {
        return line.textContent.replace(/\r?\n$/, '');
      }).join('\n');
    }
    return (pre.querySelector('code') || pre).textContent.replace(/\n$/, '');
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = el('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;';
      doc.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
      doc.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy failed'));
    });
  }

  each(doc.querySelectorAll('.code-block'), function (block) {
    var pre = block.querySelector(':scope > pre');
    if (!pre || pre.classList.contains('mermaid')) return;
    var button = el('button', 'code-copy', 'Copy');
    button.type = 'button';
    button.setAttribute('aria-label', 'Copy code to clipboard');
    var timer = null;
    button.addEventListener('click', function () {
      copyText(codeText(pre)).then(function () {
        button.textContent = 'Copied';
        button.classList.add('code-copy--done');
      }, function () {
        button.textContent = 'Press Ctrl+C';
      }).then(function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          button.textContent = 'Copy';
          button.classList.remove('code-copy--done');
        }, 2000);
      });
    });
    block.appendChild(button);
    // Long lines scroll; the reader may prefer them wrapped (remembered for every block).
    var wrap = el('button', 'code-wrap', 'Wrap');
    wrap.type = 'button';
    wrap.setAttribute('aria-pressed', 'false');
    wrap.setAttribute('aria-label', 'Wrap long lines');
    wrap.addEventListener('click', function () {
      var on = !root.classList.contains('code-wrapped');
      root.classList.toggle('code-wrapped', on);
      try { localStorage.setItem(WRAP_KEY, on ? '1' : '0'); } catch (e) { /* not kept */ }
      markScrollable();
    });
    block.appendChild(wrap);
  });
  try { if (localStorage.getItem(WRAP_KEY) === '1') root.classList.add('code-wrapped'); } catch (e) { /* default */ }

  // A block that scrolls sideways must be reachable by keyboard (WCAG scrollable-region-focusable).
  function markScrollable() {
    var on = root.classList.contains('code-wrapped');
    each(doc.querySelectorAll('.code-wrap'), function (b) { b.setAttribute('aria-pressed', on ? 'true' : 'false'); });
    each(doc.querySelectorAll('.markdown pre, .markdown table, .table-wrapper'), function (node) {
      if (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1) node.setAttribute('tabindex', '0');
      else if (!node.classList.contains('table-wrapper')) node.removeAttribute('tabindex');
    });
  }
  markScrollable();
  window.addEventListener('resize', markScrollable);

  // Task-list checkboxes (read-only) are named by their item's text.
  each(doc.querySelectorAll('.task-list-item > input[type="checkbox"]:not([aria-label])'), function (box) {
    var text = box.parentNode.textContent.replace(/\s+/g, ' ').trim();
    if (text) box.setAttribute('aria-label', text);
  });

  /* ---------------------------------------------------------------- table of contents highlight */

  var tocLinks = doc.querySelectorAll('.docket-toc .table-of-contents__link');
  if (tocLinks.length && 'getBoundingClientRect' in doc.body) {
    var entries = [];
    each(tocLinks, function (link) {
      var id = decodeURIComponent((link.getAttribute('href') || '').slice(1));
      var heading = id && doc.getElementById(id);
      if (heading) entries.push({ link: link, heading: heading });
    });
    var activeEntry = null;
    var scheduled = false;

    var highlight = function () {
      scheduled = false;
      var navbar = doc.querySelector('.navbar');
      var limit = (navbar ? navbar.offsetHeight : 0) + 24;
      var found = null;
      var atBottom = window.innerHeight + window.scrollY >= doc.documentElement.scrollHeight - 2;
      if (atBottom && entries.length) {
        // Near the end the last headings can never reach the top; pick the last one on screen.
        for (var j = entries.length - 1; j >= 0; j--) {
          if (entries[j].heading.getBoundingClientRect().top < window.innerHeight) { found = entries[j]; break; }
        }
      } else {
        for (var i = 0; i < entries.length; i++) {
          if (entries[i].heading.getBoundingClientRect().top <= limit) found = entries[i];
          else break;
        }
      }
      if (found === activeEntry) return;
      if (activeEntry) activeEntry.link.classList.remove('table-of-contents__link--active');
      if (found) found.link.classList.add('table-of-contents__link--active');
      activeEntry = found;
    };

    var schedule = function () {
      if (!scheduled) { scheduled = true; window.requestAnimationFrame(highlight); }
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    highlight();
  }

  /* ---------------------------------------------------------------- mermaid */

  // A page with diagrams names its mermaid script in <body data-mermaid-script> (the copy the theme
  // ships, unless docket.yml sets mermaid.script). The script (about 3.5 MB) is loaded only when a
  // diagram comes near the viewport. Each <pre class="mermaid"> keeps its source in data-source so
  // a colour-mode change can render it again; until then the source stays readable, labelled by CSS.
  // A theme template that still loads mermaid with its own <script> tag works too (window.mermaid).
  var diagrams = doc.querySelectorAll('pre.mermaid');
  var mermaidQueue = Promise.resolve();
  var mermaidLoading = null;

  function renderDiagrams() {
    var mermaid = window.mermaid;
    if (!mermaid || !diagrams.length) return Promise.resolve();
    each(diagrams, function (pre) {
      if (pre.hasAttribute('data-source')) {
        pre.textContent = pre.getAttribute('data-source');
        pre.removeAttribute('data-processed');
      } else {
        pre.setAttribute('data-source', pre.textContent);
      }
    });
    try {
      // Counted ids: mermaid's default (the current millisecond) can give two diagrams one id,
      // and then one diagram's styles and markers land on the other.
      mermaid.initialize({ startOnLoad: false, deterministicIds: true, theme: currentTheme() === 'dark' ? 'dark' : 'default' });
      var result = mermaid.run ? mermaid.run({ querySelector: 'pre.mermaid' }) : mermaid.init(undefined, diagrams);
      return Promise.resolve(result).then(function () {
        each(diagrams, function (pre) {
          if (pre.querySelector('svg')) pre.parentNode.classList.add('mermaid-container--rendered');
        });
      }, function (error) {
        if (window.console) console.error('docket: mermaid could not render a diagram:', error);
      });
    } catch (error) {
      if (window.console) console.error('docket: mermaid failed:', error);
      return Promise.resolve();
    }
  }

  function queueDiagrams() {
    mermaidQueue = mermaidQueue.then(renderDiagrams, renderDiagrams);
  }

  function loadMermaid() {
    if (mermaidLoading) return;
    mermaidLoading = true;
    if (window.mermaid) { queueDiagrams(); return; }
    var src = doc.body.getAttribute('data-mermaid-script');
    if (!src) {
      // An older template's own <script defer> tag: mermaid arrives before the load event.
      window.addEventListener('load', function () { if (window.mermaid) queueDiagrams(); });
      return;
    }
    var script = doc.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = queueDiagrams;
    script.onerror = function () {
      if (window.console) console.error('docket: could not load mermaid from ' + src + '; diagrams show their source');
    };
    doc.head.appendChild(script);
  }

  if (diagrams.length) {
    if (window.mermaid || !('IntersectionObserver' in window)) {
      loadMermaid();
    } else {
      var diagramObserver = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          diagramObserver.disconnect();
          loadMermaid();
        }
      }, { rootMargin: '400px 0px' });
      each(diagrams, function (pre) { diagramObserver.observe(pre); });
    }
    themeListeners.push(function () { if (window.mermaid) queueDiagrams(); });
  }

  /* ---------------------------------------------------------------- search */

  // Full-text search over the files SearchIndex.swift writes. search-index.json (pages, and where
  // the rest lives) is fetched on first focus; then, per word typed, only the term file of its
  // first two characters, and for the results shown, only the text files holding their sections.
  // Every word must match (as a prefix) in the same heading section; a section ranks by where the
  // words occur: title, then heading, then keywords, then body. The box is an ARIA combobox.
  (function () {
    var input = doc.querySelector('.search__input');
    var list = doc.querySelector('.search__results');
    var status = doc.querySelector('.search__status');
    if (!input || !list) return;
    var indexURL = input.getAttribute('data-index');
    var folder = indexURL.replace(/[^\/]*$/, '');
    var MAX_RESULTS = 20;
    var WEIGHTS = [[8, 100], [4, 40], [2, 20], [1, 5]];
    // A term's sections (SearchIndex.encode): base-32 digits, the last of each number from the
    // first alphabet (marked here by +32), the others from the second. Each number is the gap
    // from the previous section times 16 plus where the term occurs (8 title, 4 heading,
    // 2 keywords, 1 body).
    var DIGITS = [];
    (function (last, others) {
      for (var d = 0; d < 32; d++) { DIGITS[last.charCodeAt(d)] = d + 32; DIGITS[others.charCodeAt(d)] = d; }
    })('0123456789abcdefghijklmnopqrstuv', 'ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_');
    var head = null, headLoading = null, files = {};
    var active = -1, generation = 0;
    var wordPattern, wordChar;
    try {
      wordPattern = new RegExp('[\\p{L}\\p{M}\\p{N}]+', 'gu');
      wordChar = new RegExp('[\\p{L}\\p{M}\\p{N}]', 'u');
    } catch (e) {
      wordPattern = /[a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+/g;
      wordChar = /[a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;
    }

    function getJSON(url) {
      if (!files[url]) {
        files[url] = fetch(url).then(function (r) {
          if (!r.ok) throw new Error(url + ': ' + r.status);
          return r.json();
        });
        files[url].catch(function () { delete files[url]; });
      }
      return files[url];
    }

    function loadHead() {
      if (!headLoading) {
        headLoading = getJSON(indexURL).then(function (data) {
          head = data && data.v === 2 ? data : { pages: [], shards: {}, fragments: [], sections: 0 };
          return head;
        }, function () {
          headLoading = null;
          head = null;
          throw new Error('search index unavailable');
        });
      }
      return headLoading;
    }

    function wordsOf(query) {
      return (query.toLowerCase().match(wordPattern) || []).filter(function (w) { return w.length >= 2; });
    }

    // The term files that can hold terms starting with `word`: those whose key (two to four
    // characters) starts the word, or starts with it.
    function shardsFor(word) {
      var wanted = [];
      Object.keys(head.shards).forEach(function (key) {
        var n = head.shards[key];
        if ((word.lastIndexOf(key, 0) === 0 || key.lastIndexOf(word, 0) === 0) && wanted.indexOf(n) < 0) wanted.push(n);
      });
      return wanted;
    }

    // Sections where `word` (or a term it starts) occurs, with the word's score in each.
    function sectionsFor(word) {
      return Promise.all(shardsFor(word).map(function (n) {
        return getJSON(folder + 'search/t' + n + '.json');
      })).then(function (files) {
        var scores = {};
        files.forEach(function (terms) { Object.keys(terms).forEach(function (term) {
          if (term.lastIndexOf(word, 0) !== 0) return;
          var factor = term === word ? 1 : 0.7, text = terms[term], number = 0, section = 0;
          for (var i = 0; i < text.length; i++) {
            var digit = DIGITS[text.charCodeAt(i)];
            if (digit == null) continue;
            number = number * 32 + (digit & 31);
            if (digit < 32) continue;
            section += Math.floor(number / 16);
            var bits = number % 16, score = 0;
            number = 0;
            for (var w = 0; w < WEIGHTS.length; w++) if (bits & WEIGHTS[w][0]) score += WEIGHTS[w][1];
            score *= factor;
            if (!(scores[section] >= score)) scores[section] = score;
          }
        }); });
        return scores;
      });
    }

    function fragmentOf(section) {
      var starts = head.fragments, low = 0, high = starts.length - 1;
      while (low < high) {
        var mid = (low + high + 1) >> 1;
        if (starts[mid] <= section) low = mid; else high = mid - 1;
      }
      return low;
    }

    function search(words) {
      return Promise.all(words.map(sectionsFor)).then(function (perWord) {
        var hits = [];
        Object.keys(perWord[0]).forEach(function (key) {
          var total = 0;
          for (var i = 0; i < perWord.length; i++) {
            if (perWord[i][key] == null) return;
            total += perWord[i][key];
          }
          hits.push({ section: +key, score: total });
        });
        hits.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
        var count = hits.length;
        hits = hits.slice(0, MAX_RESULTS);
        var needed = {};
        hits.forEach(function (hit) { hit.fragment = fragmentOf(hit.section); needed[hit.fragment] = true; });
        return Promise.all(Object.keys(needed).map(function (n) {
          return getJSON(folder + 'search/f' + n + '.json').then(function (rows) { needed[n] = rows; });
        })).then(function () {
          hits.forEach(function (hit) {
            var row = needed[hit.fragment][hit.section - head.fragments[hit.fragment]];
            var page = head.pages[row[0]];
            hit.title = page.t;
            hit.url = page.u + (row[2] ? '#' + row[2] : '');
            hit.heading = row[1];
            hit.text = row[3];
          });
          return { hits: hits, count: count };
        });
      });
    }

    // Appends `text` to `parent`, each place a query word starts a word wrapped in <mark>.
    function appendMarked(parent, text, words) {
      var lower = text.toLowerCase(), from = 0, i = 0;
      if (lower.length !== text.length) { parent.appendChild(doc.createTextNode(text)); return; }
      while (i < lower.length) {
        var match = 0;
        if (i === 0 || !wordChar.test(lower.charAt(i - 1))) {
          for (var w = 0; w < words.length; w++) {
            if (words[w].length > match && lower.lastIndexOf(words[w], i) === i) match = words[w].length;
          }
        }
        if (match) {
          if (i > from) parent.appendChild(doc.createTextNode(text.slice(from, i)));
          parent.appendChild(el('mark', null, text.slice(i, i + match)));
          i += match;
          from = i;
        } else {
          i++;
        }
      }
      if (from < text.length) parent.appendChild(doc.createTextNode(text.slice(from)));
    }

    // About 160 characters of the section text around the first matching word.
    function snippet(text, words) {
      var lower = text.toLowerCase(), first = -1;
      words.forEach(function (w) {
        var at = lower.indexOf(w);
        while (at > 0 && wordChar.test(lower.charAt(at - 1))) at = lower.indexOf(w, at + 1);
        if (at >= 0 && (first < 0 || at < first)) first = at;
      });
      var start = first > 60 ? text.lastIndexOf(' ', first - 50) + 1 : 0;
      var end = Math.min(text.length, start + 160);
      if (end < text.length) { var space = text.lastIndexOf(' ', end); if (space > start + 80) end = space; }
      return (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
    }

    function announce(message) { if (status) status.textContent = message; }

    function setOpen(open) {
      list.hidden = !open;
      input.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (!open) setActive(-1);
    }

    function options() { return list.querySelectorAll('[role="option"]'); }

    function setActive(index) {
      var items = options();
      if (active >= 0 && items[active]) {
        items[active].classList.remove('search__result--active');
        items[active].setAttribute('aria-selected', 'false');
      }
      active = index;
      if (active >= 0 && items[active]) {
        items[active].classList.add('search__result--active');
        items[active].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', items[active].id);
        if (items[active].scrollIntoView) items[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function show(query, words, result) {
      list.textContent = '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (!result.hits.length) {
        var empty = el('li', 'search__empty', 'No results for “' + query + '”');
        empty.setAttribute('role', 'presentation');
        list.appendChild(empty);
        announce('No results for ' + query);
      } else {
        announce(result.count === 1 ? '1 result' : result.count > result.hits.length
          ? result.count + ' results, the first ' + result.hits.length + ' shown' : result.count + ' results');
      }
      result.hits.forEach(function (hit, n) {
        var li = el('li', 'search__result');
        li.id = 'docket-search-option-' + n;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        var a = el('a');
        a.href = hit.url;
        a.tabIndex = -1;
        var title = el('span', 'search__result-title');
        appendMarked(title, hit.title, words);
        if (hit.heading) {
          title.appendChild(el('span', 'search__result-sep', ' › '));
          appendMarked(title, hit.heading, words);
        }
        a.appendChild(title);
        if (hit.text) {
          var context = el('span', 'search__result-context');
          appendMarked(context, snippet(hit.text, words), words);
          a.appendChild(context);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      setOpen(true);
    }

    function run() {
      var query = input.value.trim(), words = wordsOf(query), mine = ++generation;
      if (!words.length) {
        list.textContent = '';
        setOpen(false);
        announce(query ? 'Type at least two letters' : '');
        return;
      }
      loadHead().then(function () { return search(words); }).then(function (result) {
        if (mine === generation) show(query, words, result);
      }, function () {
        if (mine !== generation) return;
        list.textContent = '';
        list.appendChild(el('li', 'search__empty', 'Search is unavailable (the index could not be loaded)'));
        setOpen(true);
        announce('Search is unavailable');
      });
    }

    function focusSearch(event) {
      event.preventDefault();
      input.focus();
      input.select();
    }

    function isEditable(node) {
      if (!node || !node.tagName) return false;
      var tag = node.tagName.toLowerCase();
      return tag === 'input' || tag === 'textarea' || tag === 'select' || node.isContentEditable;
    }

    input.addEventListener('focus', function () { loadHead().catch(function () {}); });
    input.addEventListener('input', run);
    input.addEventListener('keydown', function (event) {
      var count = options().length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (list.hidden) { if (input.value.trim()) run(); return; }
        if (count) setActive((active + (event.key === 'ArrowDown' ? 1 : -1) + count + (active < 0 && event.key === 'ArrowUp' ? 1 : 0)) % count);
      } else if (event.key === 'Enter') {
        var target = options()[active < 0 ? 0 : active];
        if (target && !list.hidden) { event.preventDefault(); location.href = target.querySelector('a').href; }
      } else if (event.key === 'Escape') {
        if (!list.hidden) { event.preventDefault(); setOpen(false); } else { input.value = ''; input.blur(); }
      } else if (event.key === 'Tab') {
        setOpen(false);
      }
    });
    list.addEventListener('mousedown', function (event) { event.preventDefault(); });
    doc.addEventListener('keydown', function (event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'k' || event.key === 'K')) focusSearch(event);
      else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target)) focusSearch(event);
    });
    doc.addEventListener('click', function (event) {
      if (!event.target.closest || !event.target.closest('.search')) setOpen(false);
    });
  })();
})();
