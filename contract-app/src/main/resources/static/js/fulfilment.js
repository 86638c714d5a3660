// The fulfilment board: what is overdue, due soon or expiring, and the open amounts.
import { api, el, problem } from './dom.js';

const i18n = JSON.parse(document.querySelector('[data-i18n]')?.textContent || '{}');
const t = (k) => i18n[k] || k;
const money = (n) => (n == null ? '' : `¥${Number(n).toLocaleString(undefined, { minimumFractionDigits: 2 })}`);

const res = await api('GET', '/api/v1/fulfilment/dashboard');
const root = document.querySelector('[data-board]');
if (!res.ok) {
  document.querySelector('[data-amounts]').textContent = problem(res);
} else {
  document.querySelector('[data-amounts]').textContent = `${t('receivable')} ${money(res.data.receivable)} · ${t('payable')} ${money(res.data.payable)}`;
  for (const list of ['overdue', 'dueSoon', 'expiring']) {
    const items = res.data[list];
    document.querySelector(`[data-list="${list}"]`).replaceChildren(...(items.length === 0 ? [el('li', { class: 'muted' }, t('none'))]
      : items.map((o) => el('li', { 'data-testid': `board-${list}` },
        el('a', { href: `/contracts/${o.contractId}/plan` }, `${o.contractNo} ${o.contractTitle}`), ' · ',
        `${o.dueDate} · ${t('kind.' + o.kind)} · ${o.title} · ${t('party.' + o.party)}`,
        o.amount == null ? '' : ` · ${money(o.amount - o.settledAmount)}`))));
  }
}
root.dataset.ready = 'true';
