// The search page: the query and filters go to /api/v1/search; hits with highlights, facet chips.
import { api, el, problem } from './dom.js';

const i18n = JSON.parse(document.querySelector('[data-i18n]')?.textContent || '{}');
const t = (k, ...args) => (i18n[k] || k).replace(/\{(\d)\}/g, (m, i) => args[+i] ?? '');

/** A highlight fragment: the server escaped the text and marks matches with <em> only. */
function fragment(html) {
  const span = el('span', { class: 'highlight' });
  html.split(/(<em>|<\/em>)/).reduce((inside, part) => {
    if (part === '<em>') return true;
    if (part === '</em>') return false;
    const text = new DOMParser().parseFromString(part, 'text/html').documentElement.textContent;
    span.append(inside ? el('em', {}, text) : document.createTextNode(text));
    return inside;
  }, false);
  return span;
}

const form = document.querySelector('[data-search]');
let latest = 0;
async function run() {
  const mine = ++latest;
  const params = new URLSearchParams();
  new FormData(form).forEach((v, k) => { if (String(v).trim()) params.set(k, String(v).trim()); });
  const res = await api('GET', `/api/v1/search?${params}`);
  if (mine !== latest) return; // a newer search was asked for meanwhile: its answer counts
  const summary = document.querySelector('[data-summary]');
  if (!res.ok) { summary.textContent = problem(res); return; }
  summary.textContent = t('total', res.data.total);
  document.querySelector('[data-hits]').replaceChildren(...res.data.hits.map((h) => el('li', { class: 'panel', 'data-testid': 'hit' },
    el('a', { href: `/contracts/${h.id}/edit` }, `${h.contractNo} ${h.title}`),
    el('p', { class: 'muted' }, [h.counterparty, t('status.' + h.status), h.amount == null ? '' : `¥${h.amount.toLocaleString()}`,
      ...(h.tags || []).map((x) => `#${x}`)].filter(Boolean).join(' · ')),
    ...h.highlights.map((f) => el('p', {}, fragment(f))))));
  const facets = document.querySelector('[data-facets]');
  facets.replaceChildren(...Object.entries(res.data.facets).flatMap(([field, counts]) => Object.entries(counts).map(([value, n]) => {
    const chip = el('button', { type: 'button', class: 'chip' }, `${t('facet.' + field)}: ${t('status.' + value) === 'status.' + value ? value : t('status.' + value)} (${n})`);
    chip.addEventListener('click', () => {
      const input = form.elements[field === 'contractType' ? 'type' : field];
      if (input) { input.value = value; run(); }
    });
    return chip;
  })));
  document.querySelector('main').dataset.ready = 'true';
}
form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
run();
