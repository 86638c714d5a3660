// The archive browser: the register by category, year, department or text (/api/v1/archives), the
// archival copy for those who may read it, borrowing requests, and the caller's loans.
import { api, el, problem } from './dom.js';

const i18n = JSON.parse(document.querySelector('[data-i18n]')?.textContent || '{}');
const t = (k, ...args) => (i18n[k] || k).replace(/\{(\d)\}/g, (m, i) => args[+i] ?? '');
const form = document.querySelector('[data-filter]');
const root = document.querySelector('[data-archives]');

function borrowForm(item) {
  const f = document.querySelector('[data-borrow-form]').content.firstElementChild.cloneNode(true);
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const res = await api('POST', `/api/v1/archives/${encodeURIComponent(item.archiveNo)}/borrowings`,
      { purpose: f.elements.purpose.value.trim(), days: Number(f.elements.days.value) });
    f.querySelector('[data-result]').textContent = res.ok ? t('borrow.sent') : problem(res);
    if (res.ok) loans();
  });
  return f;
}

function item(r) {
  const li = el('li', { class: 'panel', 'data-testid': 'archive-item' },
    el('strong', {}, r.archiveNo), ' ',
    el('span', {}, `${r.contractNo} ${r.title}`),
    el('p', { class: 'muted' }, [`${r.category} ${r.categoryName}`, r.year, r.departmentId, t('retention.' + r.retention)
      + (r.retentionEnds ? ` · ${t('until', r.retentionEnds)}` : ''), t('status.' + r.status)].join(' · ')));
  if (r.status === 'KEPT') {
    const actions = el('p', {},
      el('a', { href: `/api/v1/archives/${encodeURIComponent(r.archiveNo)}/copy`, 'data-testid': 'archive-copy' }, t('copy')), ' · ');
    const ask = el('button', { type: 'button', class: 'button', 'data-testid': 'archive-borrow' }, t('borrow'));
    ask.addEventListener('click', () => { ask.replaceWith(borrowForm(r)); });
    actions.append(ask);
    li.append(actions);
  }
  return li;
}

let latest = 0;
async function run() {
  const mine = ++latest;
  const params = new URLSearchParams();
  new FormData(form).forEach((v, k) => { if (String(v).trim()) params.set(k, String(v).trim()); });
  const res = await api('GET', `/api/v1/archives?${params}`);
  if (mine !== latest) return;
  const summary = document.querySelector('[data-summary]');
  if (!res.ok) { summary.textContent = problem(res); return; }
  summary.textContent = t('total', res.data.total);
  document.querySelector('[data-items]').replaceChildren(...res.data.items.map(item));
  document.querySelector('[data-facets]').replaceChildren(...Object.entries(res.data.facets).flatMap(([field, counts]) =>
    Object.entries(counts).map(([value, n]) => {
      const chip = el('button', { type: 'button', class: 'chip', 'data-facet': field }, `${t('facet.' + field)}: ${value} (${n})`);
      chip.addEventListener('click', () => { form.elements[field].value = value; run(); });
      return chip;
    })));
  root.dataset.ready = 'true';
}

async function loans() {
  const res = await api('GET', '/api/v1/me/borrowings');
  const list = document.querySelector('[data-loans]');
  if (!res.ok) { list.replaceChildren(el('li', {}, problem(res))); return; }
  if (res.data.length === 0) { list.replaceChildren(el('li', { class: 'muted' }, t('noLoans'))); return; }
  list.replaceChildren(...res.data.map((b) => {
    const li = el('li', { 'data-testid': 'loan' }, `${b.archiveNo} · ${t('loan.' + b.status)}`
      + (b.endsAt ? ` · ${t('until', new Date(b.endsAt).toLocaleString())}` : '') + (b.opinion ? ` · ${b.opinion}` : ''));
    if (b.status === 'LENT') {
      const back = el('button', { type: 'button', class: 'button' }, t('return'));
      back.addEventListener('click', async () => {
        const res2 = await api('POST', `/api/v1/me/borrowings/${b.id}/return`, {});
        if (res2.ok) loans(); else li.append(' ', problem(res2));
      });
      li.append(' ', back);
    }
    return li;
  }));
}

form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
run();
loans();
