/* docket default theme: the parameter form of a runbook page. The reader types their values; each
 * step's block then shows (and its Copy button copies) the commands with the values in place,
 * written the way the runbook script writes them, and a button downloads a --params-file. Values
 * never leave the browser; non-secret ones are kept in localStorage until "Forget my values".
 * Without JavaScript the page shows the examples. The page carries, per step, the block cut into
 * text and parameter places (from the same extraction the script is made of). */
(function () {
  'use strict';

  var SAFE = /^[A-Za-z0-9_.\/:@%+,=-]+$/;
  var ENV_SAFE = /^[A-Za-z0-9_.\/:@%+,=-]*$/;
  var MASK = '********';

  /* Quoting, as the runbook script does it. A shell step's script holds "${NAME}" (a word),
   * '"${NAME}"' (inside the page's single quotes) or ${NAME} (inside double quotes or a heredoc),
   * and bash puts the value there unchanged; the copied command writes the value so that the
   * shell reads it back unchanged. */
  function shellWord(value) {
    return SAFE.test(value) ? value : "'" + value.replace(/'/g, "'\\''") + "'";
  }
  function inSingle(value) { return value.replace(/'/g, "'\\''"); }
  function inDouble(value) { return value.replace(/[\\$"`]/g, '\\$&'); }

  /* The reference as the script writes it, shown for a value that is not given and has no example. */
  function reference(name, q) {
    if (q === 'word') return '"${' + name + '}"';
    if (q === 'single') return '\'"${' + name + '}"\'';
    return '${' + name + '}';
  }

  /* Joins the parts of one step with `values` (name -> string). A missing value shows the page's
   * example. Env files follow the runtime's env writer line by line: a value inside the page's own
   * quotes must fit them; else a line whose value is not plain gets single, then double quotes.
   * `masked` (name -> true) shows those values as ******** while every quoting decision is still
   * made on the real value, so the shown command differs from the copied one only in the secret's
   * characters. Returns { text, used, error }. */
  function fill(parts, values, examples, masked) {
    var out = '', line = '', real = '', needs = false, error = null, used = false, name = '';
    function endLine() {
      if (!needs) return;
      var value = real.slice(real.indexOf('=') + 1);
      var eq = line.indexOf('=');
      var key = line.slice(0, eq), shown = line.slice(eq + 1);
      if (value.indexOf("'") < 0) line = key + "='" + shown + "'";
      else if (!/[\\$"`]/.test(value)) line = key + '="' + shown + '"';
      else error = error || name + ": both a ' and one of \" $ ` \\";
    }
    function add(text, shown) { real += text; line += shown === undefined ? text : shown; }
    parts.forEach(function (part) {
      if (typeof part === 'string') {
        var pieces = part.split('\n');
        for (var i = 0; i < pieces.length; i++) {
          if (i > 0) { endLine(); out += line + '\n'; line = ''; real = ''; needs = false; }
          add(pieces[i]);
        }
        return;
      }
      var given = Object.prototype.hasOwnProperty.call(values, part.p);
      var example = examples[part.p];
      if (!given) { add(example ? example : reference(part.p, part.q)); return; }
      var value = values[part.p];
      var mask = masked && masked[part.p] ? MASK : null;
      used = true;
      name = part.p;
      switch (part.q) {
        case 'word':
          if (!mask) add(shellWord(value));
          else add(shellWord(value), SAFE.test(value) ? mask : "'" + mask + "'");
          break;
        case 'single': add(inSingle(value), mask || undefined); break;
        case 'double': add(inDouble(value), mask || undefined); break;
        case 'env':
          var eq = real.indexOf('=');
          var soFar = eq < 0 ? '' : real.slice(eq + 1).replace(/^\s+/, '');
          if (soFar[0] === "'") { if (value.indexOf("'") >= 0) error = error || part.p + ": a ' inside the page's single quotes"; }
          else if (soFar[0] === '"') { if (/[\\$"`]/.test(value)) error = error || part.p + ': one of " $ ` \\ inside the page\'s double quotes'; }
          else if (!ENV_SAFE.test(value)) needs = true;
          add(value, mask || undefined);
          break;
        default: add(value, mask || undefined);
      }
    });
    endLine();
    return { text: out + line, used: used, error: error };
  }

  /* A --params-file line the runtime reads back unchanged. */
  function paramsLine(name, value) {
    if (value.indexOf("'") < 0) return name + "='" + value + "'";
    return name + '="' + inDouble(value) + '"';
  }

  window.docketRunbook = { fill: fill, paramsLine: paramsLine };

  var doc = document;
  var banner = doc.querySelector('.runbook-banner');
  var form = banner && banner.querySelector('.runbook-form');
  var dataNode = banner && banner.querySelector('.runbook-data');
  if (!form || !dataNode) return;
  var data;
  try { data = JSON.parse(dataNode.textContent); } catch (e) { return; }

  var storeKey = 'docket-runbook-' + data.id;
  var secret = {}, examples = {};
  data.parameters.forEach(function (p) { secret[p.name] = p.secret; examples[p.name] = p.example; });
  var inputs = form.querySelectorAll('input[name]');
  Array.prototype.forEach.call(form.querySelectorAll('[hidden]'), function (node) { node.hidden = false; });

  var stored = {};
  try { stored = JSON.parse(localStorage.getItem(storeKey) || '{}') || {}; } catch (e) { stored = {}; }
  Array.prototype.forEach.call(inputs, function (input) {
    if (!secret[input.name] && typeof stored[input.name] === 'string') input.value = stored[input.name];
  });

  function values() {
    var out = {};
    Array.prototype.forEach.call(inputs, function (input) {
      if (input.value !== '') out[input.name] = input.value;
    });
    return out;
  }

  var blocks = [];
  Array.prototype.forEach.call(doc.querySelectorAll('.code-block.runbook-step[data-step]'), function (block) {
    var parts = data.steps[block.getAttribute('data-step')];
    var pre = block.querySelector(':scope > pre');
    var code = pre && pre.querySelector('code');
    if (!parts || !code || !parts.some(function (p) { return typeof p !== 'string'; })) return;
    var note = doc.createElement('p');
    note.className = 'runbook-step__problem';
    note.setAttribute('role', 'status');
    note.hidden = true;
    block.parentNode.insertBefore(note, block.nextSibling);
    blocks.push({ block: block, pre: pre, code: code, parts: parts, original: code.innerHTML, note: note });
  });

  function lines(text) {
    var fragment = doc.createDocumentFragment();
    text.replace(/\n$/, '').split('\n').forEach(function (line) {
      var span = doc.createElement('span');
      span.className = 'line';
      span.textContent = line + '\n';
      fragment.appendChild(span);
    });
    return fragment;
  }

  function render() {
    var real = values();
    blocks.forEach(function (b) {
      var copy = fill(b.parts, real, examples);
      if (!copy.used) {
        b.code.innerHTML = b.original;
        delete b.pre.dataset.copy;
        b.block.classList.remove('code-block--filled');
        b.note.hidden = true;
        return;
      }
      var view = fill(b.parts, real, examples, secret);
      b.code.textContent = '';
      b.code.appendChild(lines(view.text));
      b.pre.dataset.copy = copy.text.replace(/\n$/, '');
      b.block.classList.add('code-block--filled');
      b.note.hidden = !copy.error;
      b.note.textContent = copy.error ? 'This value cannot be written into the file so that it stays data (' + copy.error + '); the runbook script refuses it too.' : '';
    });
    var keep = {};
    Object.keys(real).forEach(function (name) { if (!secret[name]) keep[name] = real[name]; });
    try {
      if (Object.keys(keep).length) localStorage.setItem(storeKey, JSON.stringify(keep));
      else localStorage.removeItem(storeKey);
    } catch (e) { /* storage may be off: the form still works */ }
  }

  // The runbook's patterns are bash regular expressions; most read the same in JS. A value that
  // does not match is marked (the script would refuse it); a pattern JS cannot read is skipped.
  function check(input) {
    var pattern = input.getAttribute('data-pattern'), ok = true;
    if (pattern && input.value !== '') {
      try { ok = new RegExp('^(?:' + pattern + ')$').test(input.value); } catch (e) { ok = true; }
    }
    if (ok) input.removeAttribute('aria-invalid'); else input.setAttribute('aria-invalid', 'true');
    input.title = ok ? '' : 'The runbook script refuses this value: it must match ' + pattern;
  }
  Array.prototype.forEach.call(inputs, check);
  form.addEventListener('input', function (event) { if (event.target.matches('input')) check(event.target); render(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.querySelector('.runbook-form__forget').addEventListener('click', function () {
    Array.prototype.forEach.call(inputs, function (input) { input.value = ''; });
    try { localStorage.removeItem(storeKey); } catch (e) { /* nothing stored */ }
    render();
  });
  form.querySelector('.runbook-form__download').addEventListener('click', function () {
    var real = values();
    var text = '# Parameters of the runbook ' + data.id + ': bash ' + data.id + '.sh --params-file ' + data.id + '.params\n';
    Object.keys(real).forEach(function (name) { text += paramsLine(name, real[name]) + '\n'; });
    var link = doc.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = data.id + '.params';
    doc.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  });
  render();
})();
