// The verification page: any PDF in, each signature's state and whether we hold its evidence out.
import { el } from './dom.js';

const i18n = JSON.parse(document.querySelector('[data-i18n]')?.textContent || '{}');
const t = (k, ...args) => (i18n[k] || k).replace(/\{(\d)\}/g, (m, i) => args[+i] ?? '');
const csrf = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

document.querySelectorAll('[data-verify]').forEach((root) => {
  root.querySelector('[data-check]').addEventListener('click', async () => {
    const file = root.querySelector('[data-file]').files[0];
    const summary = root.querySelector('[data-summary]');
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const headers = { Accept: 'application/json' };
    if (csrf) headers[csrfHeader] = csrf;
    const res = await fetch('/api/v1/signatures/verify', { method: 'POST', body: form, headers, credentials: 'same-origin' });
    const data = await res.json();
    if (!res.ok) { summary.textContent = data.detail || data.title; summary.className = 'alert'; return; }
    const found = data.evidence && data.evidence.found;
    summary.textContent = [t(data.valid ? 'valid' : 'invalid', data.signatures),
      found ? t('evidence', data.evidence.contractNo || '—', (data.evidence.entries || []).map((s) => `#${s}`).join(' ')) : t('noEvidence')]
      .join(' ');
    summary.className = data.valid ? 'ok' : 'alert';
    summary.dataset.valid = String(data.valid);
    summary.dataset.evidence = String(Boolean(found));
    const table = root.querySelector('[data-checks]');
    table.hidden = false;
    table.querySelector('tbody').replaceChildren(...data.checks.map((c) => el('tr', {},
      el('td', {}, c.field || ''), el('td', {}, c.signer || ''), el('td', {}, c.intact ? '✔' : `✘ ${c.problem || ''}`),
      el('td', {}, c.coversWholeDocument ? '✔' : '—'), el('td', {}, c.timeStamp ? new Date(c.timeStamp).toLocaleString() : '—'),
      el('td', {}, c.revoked === null || c.revoked === undefined ? '—' : (c.revoked ? '✘' : '✔')))));
  });
});
