import { renderDiff } from './diff.js';
import { api, el } from './dom.js';

// 合同编辑器: ordered clauses (drag with pointer events, so it works with touch and mouse alike),
// clause library, variables form, live preview, autosave as versions, diff between versions.
const root = document.querySelector('[data-editor]');
const id = root.dataset.contractId;
const t = JSON.parse(root.querySelector('[data-i18n]').textContent || '{}');
const $ = (sel) => root.querySelector(sel);

let baseVersion = 0;
let schema = [];
let dirty = false;
let saveTimer = null;
let previewTimer = null;


// ---- Chinese uppercase money, same rules as the server's ChineseAmount
const DIG = '零壹贰叁肆伍陆柒捌玖';
const UNIT = ['', '拾', '佰', '仟'];
function group(n) {
  const s = String(n); let out = ''; let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = +s[i];
    if (d === 0) { zero = true; continue; }
    if (zero) { out += '零'; zero = false; }
    out += DIG[d] + UNIT[s.length - 1 - i];
  }
  return out;
}
function integer(n) {
  if (n >= 100000000n) { const hi = n / 100000000n; const lo = n % 100000000n; return integer(hi) + '亿' + (lo ? (lo < 10000000n ? '零' : '') + integer(lo) : ''); }
  if (n >= 10000n) { const hi = n / 10000n; const lo = n % 10000n; return group(hi) + '万' + (lo ? (lo < 1000n ? '零' : '') + group(lo) : ''); }
  return group(n);
}
export function upper(text) {
  const m = /^\s*(\d{1,15})(?:\.(\d{1,2}))?\s*$/.exec(String(text).replace(/,/g, ''));
  if (!m) return '';
  const yuan = BigInt(m[1]); const cents = ((m[2] || '') + '00').slice(0, 2);
  const jiao = +cents[0]; const fen = +cents[1];
  let out = yuan > 0n ? integer(yuan) + '元' : '';
  if (!jiao && !fen) return out ? out + '整' : '零元整';
  if (jiao) out += DIG[jiao] + '角'; else if (out) out += '零';
  if (fen) out += DIG[fen] + '分';
  return out;
}

// ---- clauses
function clauseItem(c) {
  const text = el('div', { class: 'clause-text', contentEditable: 'true', 'data-text': '' });
  text.innerText = c.text || '';
  const li = el('li', { class: 'clause-item', 'data-key': c.key },
    el('div', { class: 'clause-bar' },
      el('span', { class: 'handle', title: t.drag, 'data-handle': '' }, '⋮⋮'),
      el('input', { class: 'clause-heading', value: c.heading || '', placeholder: t.heading, 'data-heading': '' }),
      c.libraryCode ? el('span', { class: 'tag', title: t.fromLibrary }, c.libraryCode + ' v' + c.libraryVersion) : '',
      el('span', { class: 'tag warn', 'data-modified': '', hidden: !c.modified }, t.modified),
      el('button', { type: 'button', class: 'icon', title: t.up, 'data-up': '' }, '↑'),
      el('button', { type: 'button', class: 'icon', title: t.down, 'data-down': '' }, '↓'),
      el('button', { type: 'button', class: 'icon', title: t.remove, 'data-remove': '' }, '✕')),
    text);
  li.dataset.library = c.libraryCode || '';
  li.dataset.libraryVersion = c.libraryVersion || '';
  return li;
}
function clauses() {
  return [...$('[data-clauses]').children].map((li) => ({
    key: li.dataset.key,
    heading: li.querySelector('[data-heading]').value || null,
    text: li.querySelector('[data-text]').innerText.replace(/\n+$/, ''),
    libraryCode: li.dataset.library || null,
    libraryVersion: li.dataset.libraryVersion ? +li.dataset.libraryVersion : null,
  }));
}
function newKey(prefix) {
  const used = new Set([...$('[data-clauses]').children].map((li) => li.dataset.key));
  let i = 1; while (used.has(prefix + i)) i++;
  return prefix + i;
}

// pointer-driven reordering; a library item dragged in becomes a new clause where it is dropped
function startDrag(ev, item, fromLibrary) {
  ev.preventDefault();
  const list = $('[data-clauses]');
  item.classList.add('dragging');
  const move = (e) => {
    const over = [...list.children].filter((c) => c !== item);
    const inside = (() => { const r = list.getBoundingClientRect(); return e.clientX >= r.left - 40 && e.clientX <= r.right + 40; })();
    if (!inside) { if (fromLibrary && item.parentNode === list) item.remove(); return; }
    const after = over.find((c) => { const r = c.getBoundingClientRect(); return e.clientY < r.top + r.height / 2; });
    if (after) list.insertBefore(item, after); else list.append(item);
  };
  const up = () => {
    document.removeEventListener('pointermove', move);
    document.removeEventListener('pointerup', up);
    item.classList.remove('dragging');
    if (item.parentNode === list) changed();
  };
  document.addEventListener('pointermove', move);
  document.addEventListener('pointerup', up);
}

$('[data-clauses]').addEventListener('pointerdown', (e) => {
  const handle = e.target.closest('[data-handle]');
  if (handle) startDrag(e, handle.closest('li'), false);
});
$('[data-clauses]').addEventListener('click', (e) => {
  const li = e.target.closest('li');
  if (!li) return;
  if (e.target.matches('[data-up]') && li.previousElementSibling) { li.parentNode.insertBefore(li, li.previousElementSibling); changed(); }
  if (e.target.matches('[data-down]') && li.nextElementSibling) { li.parentNode.insertBefore(li.nextElementSibling, li); changed(); }
  if (e.target.matches('[data-remove]') && confirm(t.confirmRemove)) { li.remove(); changed(); }
});
$('[data-clauses]').addEventListener('input', changed);
$('[data-add-clause]').addEventListener('click', () => {
  const li = clauseItem({ key: newKey('c'), heading: '', text: '' });
  $('[data-clauses]').append(li);
  li.querySelector('[data-heading]').focus();
  changed();
});
$('[data-title]').addEventListener('input', changed);

// ---- clause library
async function searchLibrary(q) {
  const res = await api('GET', '/api/v1/clauses' + (q ? '?q=' + encodeURIComponent(q) : ''));
  const list = $('[data-library]');
  list.replaceChildren();
  if (!res.ok) return;
  for (const c of res.data) {
    const li = el('li', { class: 'library-item', 'data-code': c.code },
      el('span', { class: 'handle', title: t.drag, 'data-lib-handle': '' }, '⋮⋮'),
      el('span', {}, c.title + ' '), el('span', { class: 'tag' }, c.category),
      el('button', { type: 'button', class: 'icon', title: t.insert, 'data-insert': '' }, '+'));
    li.clause = c;
    list.append(li);
  }
}
function libraryClause(c) {
  return clauseItem({ key: newKey(c.code.toLowerCase().replace(/[^a-z0-9]/g, '')), heading: c.title, text: c.text,
    libraryCode: c.code, libraryVersion: c.version });
}
$('[data-library]').addEventListener('pointerdown', (e) => {
  const handle = e.target.closest('[data-lib-handle]');
  if (handle) startDrag(e, libraryClause(handle.closest('li').clause), true);
});
$('[data-library]').addEventListener('click', (e) => {
  if (e.target.matches('[data-insert]')) { $('[data-clauses]').append(libraryClause(e.target.closest('li').clause)); changed(); }
});
let searchTimer;
$('[data-library-search]').addEventListener('input', (e) => { clearTimeout(searchTimer); searchTimer = setTimeout(() => searchLibrary(e.target.value), 250); });

// ---- variables form, type-aware inputs
function field(spec, value, name) {
  const path = name || spec.name;
  const label = el('label', { class: 'field' }, el('span', {}, spec.label + (spec.required ? ' *' : '')));
  let input;
  switch (spec.type) {
    case 'DATE': input = el('input', { type: 'date', value: value || '' }); break;
    case 'NUMBER': input = el('input', { type: 'number', value: value ?? '', step: 'any' }); break;
    case 'MONEY': {
      input = el('input', { type: 'text', inputMode: 'decimal', value: value ?? '', placeholder: '0.00' });
      const hint = el('span', { class: 'upper', 'data-upper': '' }, value ? upper(value) : '');
      input.addEventListener('input', () => { hint.textContent = upper(input.value); });
      label.append(input, hint);
      input.dataset.path = path;
      return label;
    }
    case 'SELECT':
      input = el('select', {}, el('option', { value: '' }, '—'), ...(spec.options || []).map((o) => el('option', { value: o, selected: o === value }, o)));
      break;
    default: input = el('input', { type: 'text', value: value ?? '', maxLength: spec.maxLength || 2000 });
  }
  input.dataset.path = path;
  label.append(input);
  return label;
}
const PARTY_FIELDS = ['name', 'creditCode', 'address', 'legalRepresentative', 'contact'];
function renderVariables(values) {
  const form = $('[data-variables]');
  form.replaceChildren();
  for (const spec of schema) {
    const v = values[spec.name];
    if (spec.type === 'PARTY') {
      const fs = el('fieldset', { 'data-party': spec.name }, el('legend', {}, spec.label));
      PARTY_FIELDS.forEach((f) => fs.append(field({ name: f, label: t['party.' + f], type: 'TEXT', required: f === 'name' && spec.required }, v?.[f], spec.name + '.' + f)));
      form.append(fs);
    } else if (spec.type === 'TABLE') {
      const table = el('table', { class: 'table small', 'data-table': spec.name },
        el('thead', {}, el('tr', {}, ...spec.columns.map((c) => el('th', {}, c.label)), el('th', {}))), el('tbody'));
      const addRow = (row = {}) => {
        const tr = el('tr', {}, ...spec.columns.map((c) => el('td', {}, field(c, row[c.name], '')))
          , el('td', {}, el('button', { type: 'button', class: 'icon', title: t.remove, onclick: () => { tr.remove(); changed(); } }, '✕')));
        table.tBodies[0].append(tr);
      };
      (v || []).forEach(addRow);
      form.append(el('fieldset', {}, el('legend', {}, spec.label), el('div', { class: 'table-wrap' }, table),
        el('button', { type: 'button', class: 'button secondary small', onclick: () => { addRow(); changed(); } }, t.addRow)));
    } else {
      form.append(field(spec, v));
    }
  }
}
function variables() {
  const out = {};
  for (const spec of schema) {
    if (spec.type === 'PARTY') {
      const party = {};
      PARTY_FIELDS.forEach((f) => { const val = $(`[data-path="${spec.name}.${f}"]`).value.trim(); if (val) party[f] = val; });
      if (Object.keys(party).length) out[spec.name] = party;
    } else if (spec.type === 'TABLE') {
      const rows = [...$(`[data-table="${spec.name}"]`).tBodies[0].rows].map((tr) => {
        const row = {};
        spec.columns.forEach((c, i) => { const val = tr.cells[i].querySelector('input,select').value.trim(); if (val) row[c.name] = val; });
        return row;
      });
      if (rows.length) out[spec.name] = rows;
    } else {
      const val = $(`[data-path="${spec.name}"]`).value.trim();
      if (val) out[spec.name] = val;
    }
  }
  return out;
}
$('[data-variables]').addEventListener('input', changed);
$('[data-variables]').addEventListener('change', changed);

// ---- preview, autosave, versions, diff
function state() {
  return { baseVersion, title: $('[data-title]').value, preamble: preamble, clauses: clauses(), variables: variables() };
}
let preamble = null;
function changed() {
  dirty = true;
  $('[data-save-state]').textContent = t.unsaved;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 500);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, 4000);
}
async function preview() {
  const res = await api('POST', `/api/v1/contracts/${id}/preview`, state());
  if (res.ok) $('[data-preview]').innerHTML = res.data.html;  // server-rendered, every value escaped there
}
function showErrors(problem) {
  root.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  const msg = $('[data-message]');
  msg.hidden = false;
  msg.textContent = problem.detail || problem.title || t.failed;
  (problem.errors || []).forEach((err) => {
    const input = $(`[data-path="${err.field.replace(/^variables\./, '')}"]`);
    if (input) { input.classList.add('invalid'); input.title = err.message; }
    msg.textContent += ' · ' + err.field + ': ' + err.message;
  });
}
async function save() {
  clearTimeout(saveTimer);
  if (!dirty) return;
  $('[data-save-state]').textContent = t.saving;
  const res = await api('PUT', `/api/v1/contracts/${id}/draft`, state());
  if (res.ok) {
    dirty = false;
    baseVersion = res.data.version;
    $('[data-version]').textContent = baseVersion;
    $('[data-save-state]').textContent = t.saved;
    $('[data-message]').hidden = true;
    markModified(res.data.content.clauses);
    loadVersions();
  } else {
    $('[data-save-state]').textContent = t.unsaved;
    showErrors(res.data);
  }
}
function markModified(saved) {
  const byKey = Object.fromEntries(saved.map((c) => [c.key, c]));
  $('[data-clauses]').querySelectorAll('li').forEach((li) => { li.querySelector('[data-modified]').hidden = !byKey[li.dataset.key]?.modified; });
}
$('[data-save]').addEventListener('click', () => { dirty = true; save(); });

async function loadVersions() {
  const res = await api('GET', `/api/v1/contracts/${id}/versions`);
  const list = $('[data-versions]');
  list.replaceChildren();
  if (!res.ok) return;
  res.data.forEach((v, i) => {
    const prev = res.data[i + 1];
    list.append(el('li', { 'data-version-line': v.version },
      el('b', {}, 'v' + v.version), ' ', new Date(v.createdAt).toLocaleString(), ' · ', v.createdBy, ' ',
      prev ? el('button', { type: 'button', class: 'link', 'data-diff-to': v.version, onclick: () => diff(prev.version, v.version) }, t.compare) : ''));
  });
}
async function diff(from, to) {
  const res = await api('GET', `/api/v1/contracts/${id}/diff?from=${from}&to=${to}`);
  if (res.ok) renderDiff($('[data-diff]'), res.data, t);
}

window.addEventListener('beforeunload', (e) => { if (dirty) { save(); e.preventDefault(); } });

function fail(err) {
  const msg = $('[data-message]');
  msg.hidden = false;
  msg.textContent = t.failed + ': ' + (err && err.message ? err.message : err);
}
window.addEventListener('error', (e) => fail(e.error || e.message));
window.addEventListener('unhandledrejection', (e) => fail(e.reason));

(async function load() {
  const res = await api('GET', `/api/v1/contracts/${id}/draft`);
  if (!res.ok) { showErrors(res.data); return; }
  schema = res.data.schema;
  baseVersion = res.data.version.version;
  preamble = res.data.version.content.preamble;
  $('[data-version]').textContent = baseVersion;
  res.data.version.content.clauses.forEach((c) => $('[data-clauses]').append(clauseItem(c)));
  renderVariables(res.data.version.content.variables || {});
  const editable = res.data.contract.status === 'DRAFT';
  if (!editable) root.querySelectorAll('input,select,button,[contenteditable]').forEach((e) => { e.disabled = true; e.contentEditable = 'false'; });
  preview();
  searchLibrary('');
  loadVersions();
  root.dataset.ready = 'true';
}());
