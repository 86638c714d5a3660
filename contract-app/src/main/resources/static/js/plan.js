// A contract's obligation plan: list (confirm, record performance with proof, dismiss) and calendar.
import { api, el, problem } from './dom.js';

const i18n = JSON.parse(document.querySelector('[data-i18n]')?.textContent || '{}');
const t = (k) => i18n[k] || k;
const root = document.querySelector('[data-plan]');
const id = root.dataset.contract;
const message = document.querySelector('[data-message]');
let plan = [];
let month = new Date();

// a due term's code (AFTER:SIGNING:10:WORKING_DAYS, BEFORE:EXPIRY:30:DAYS, MONTHLY:5) in words; a fixed date shows as the due date already
function term(code) {
  const p = (code || '').split(':');
  const fill = (text, ...args) => args.reduce((s, a, i) => s.replace(`{${i}}`, a), text);
  if (p[0] === 'AFTER' || p[0] === 'BEFORE') return fill(t(`term.${p[0].toLowerCase()}`), t(`anchor.${p[1]}`), p[2], t(`unit.${p[3]}`));
  if (p[0] === 'MONTHLY') return fill(t('term.monthly'), p[1]);
  return p[0] === 'DATE' ? '' : (code || '');
}

function say(text) { message.hidden = !text; message.textContent = text || ''; }

function fulfilForm(o) {
  const f = el('form', { class: 'search-form', 'data-testid': 'fulfil-form' },
    o.kind === 'PAYMENT' ? el('input', { name: 'amount', type: 'number', step: '0.01', min: '0.01', placeholder: t('amount'),
      value: o.amount == null ? '' : (o.amount - o.settledAmount).toFixed(2) }) : '',
    el('input', { name: 'note', maxLength: 500, placeholder: t('note') }),
    el('input', { name: 'proof', type: 'file', accept: '.pdf,.docx', title: t('proof') }),
    el('button', { type: 'submit', class: 'button primary' }, t('fulfil')));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = new FormData();
    if (f.elements.amount && f.elements.amount.value) body.append('amount', f.elements.amount.value);
    if (f.elements.note.value) body.append('note', f.elements.note.value);
    if (f.elements.proof.files[0]) body.append('file', f.elements.proof.files[0]);
    const headers = { Accept: 'application/json' };
    const csrf = document.querySelector('meta[name="_csrf"]')?.content;
    if (csrf) headers[document.querySelector('meta[name="_csrf_header"]').content] = csrf;
    const r = await fetch(`/api/v1/contracts/${id}/obligations/${o.id}/fulfil`, { method: 'POST', headers, body, credentials: 'same-origin' });
    const data = (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : {};
    say(r.ok ? t('saved') : problem({ status: r.status, data }));
    load();
  });
  return f;
}

function item(entry) {
  const o = entry.obligation;
  const open = o.status === 'CONFIRMED' || o.status === 'OVERDUE';
  const li = el('li', { class: `panel obligation ${o.status.toLowerCase()}`, 'data-testid': 'obligation' },
    el('b', {}, `${o.dueDate || t('undated')} · ${t('kind.' + o.kind)}`), ' ', o.title,
    el('p', { class: 'muted' }, [t('party.' + o.party), o.amount == null ? '' : `¥${o.amount} (${o.settledAmount})`, t('status.' + o.status),
      term(o.dueTerm)].filter(Boolean).join(' · ')),
    ...entry.progress.map((p) => el('p', { class: 'muted' }, `${new Date(p.recordedAt).toLocaleString()} ${p.recordedBy} ${p.amount ?? ''} ${p.note ?? ''}${p.proofName ? ' · ' + p.proofName : ''}`)));
  if (open) li.append(fulfilForm(o));
  if (open || o.status === 'PROPOSED') {
    const dismiss = el('button', { type: 'button', class: 'button secondary' }, t('dismiss'));
    dismiss.addEventListener('click', async () => {
      const reason = window.prompt(t('reason'));
      if (!reason) return;
      const r = await api('POST', `/api/v1/contracts/${id}/obligations/${o.id}/dismiss`, { reason });
      say(r.ok ? t('saved') : problem(r));
      load();
    });
    li.append(dismiss);
  }
  return li;
}

function calendar() {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  document.querySelector('[data-month-label]').textContent = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}`;
  const cells = [];
  for (let i = 0; i < (first.getDay() + 6) % 7; i++) cells.push(el('div', { class: 'day empty' }));
  const days = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  for (let d = 1; d <= days; d++) {
    const iso = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const due = plan.filter((e) => e.obligation.dueDate === iso);
    cells.push(el('div', { class: `day${due.length ? ' due' : ''}`, 'data-day': iso }, el('b', {}, String(d)),
      ...due.map((e) => el('span', { class: `chip ${e.obligation.status.toLowerCase()}` }, `${t('kind.' + e.obligation.kind)} ${e.obligation.title}`))));
  }
  document.querySelector('[data-grid]').replaceChildren(...cells);
}

async function load() {
  const res = await api('GET', `/api/v1/contracts/${id}/obligations`);
  if (!res.ok) { say(problem(res)); return; }
  plan = res.data;
  document.querySelector('[data-obligations]').replaceChildren(...(plan.length ? plan.map(item) : [el('li', { class: 'muted' }, t('none'))]));
  document.querySelector('[data-confirm]').hidden = !plan.some((e) => e.obligation.status === 'PROPOSED');
  calendar();
  const anchors = await api('GET', `/api/v1/contracts/${id}/anchors`);
  if (anchors.ok) document.querySelector('[data-anchors]').textContent = Object.entries(anchors.data).map(([k, v]) => `${k} ${v}`).join(' · ');
  root.dataset.ready = 'true';
}

document.querySelector('[data-confirm]').addEventListener('click', async () => {
  const r = await api('POST', `/api/v1/contracts/${id}/obligations/confirm`, {});
  say(r.ok ? t('saved') : problem(r));
  load();
});
document.querySelectorAll('[data-view]').forEach((b) => b.addEventListener('click', () => {
  const cal = b.dataset.view === 'calendar';
  document.querySelector('[data-calendar]').hidden = !cal;
  document.querySelector('[data-obligations]').hidden = cal;
}));
document.querySelectorAll('[data-month]').forEach((b) => b.addEventListener('click', () => {
  month = new Date(month.getFullYear(), month.getMonth() + Number(b.dataset.month), 1);
  calendar();
}));
document.querySelector('[data-anchor]').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = e.target;
  const r = await api('POST', `/api/v1/contracts/${id}/anchors`, { anchor: f.elements.anchor.value, date: f.elements.date.value });
  say(r.ok ? t('saved') : problem(r));
  load();
});
load();
