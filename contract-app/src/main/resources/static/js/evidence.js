// The contract's evidence trail in the editor: each event with who, when, and how far its proof has come.
import { el, api } from './dom.js';

const list = document.querySelector('[data-evidence]');
if (list) {
  const status = { PENDING: list.dataset.pending, SEALED: list.dataset.sealed, ANCHORED: list.dataset.anchored };
  const time = (iso) => new Date(iso).toLocaleString(document.documentElement.lang || 'zh-CN', { hour12: false });
  api('GET', `/api/v1/contracts/${list.dataset.contract}/evidence`).then(({ ok, data }) => {
    if (!ok) return;
    list.replaceChildren(...data.events.map((e) => el('li', { class: 'evidence-event', 'data-seq': String(e.seq) },
      el('span', { class: 'evidence-label' }, `#${e.seq} ${e.label}`),
      el('span', { class: 'muted small' }, ` ${e.actor} · ${time(e.occurredAt)}${e.version ? ` · v${e.version}` : ''} `),
      el('span', { class: `badge evidence-${e.status.toLowerCase()}` }, status[e.status] || e.status),
      e.status === 'PENDING' ? '' : el('a', { href: e.proof, class: 'small', download: `evidence-proof-${e.seq}.json` }, ` ${list.dataset.proof}`))));
  });
}
