// The editor's side panel: keyword tags (any status) and attachments (while the contract is a draft).
import { api, el, problem } from './dom.js';

const tagsForm = document.querySelector('[data-tags]');
const list = document.querySelector('[data-attachments]');
const upload = document.querySelector('[data-attachment-upload]');
const id = tagsForm?.dataset.contract;

async function loadTags() {
  const res = await api('GET', `/api/v1/contracts/${id}/tags`);
  if (res.ok) tagsForm.elements.tags.value = res.data.tags.join('，');
}

tagsForm?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const tags = tagsForm.elements.tags.value.split(/[,，;；]/).map((x) => x.trim()).filter(Boolean);
  const res = await api('PUT', `/api/v1/contracts/${id}/tags`, { tags });
  tagsForm.querySelector('[data-result]').textContent = res.ok ? tagsForm.dataset.saved : problem(res);
  if (res.ok) tagsForm.elements.tags.value = res.data.tags.join('，');
});

async function loadAttachments() {
  const res = await api('GET', `/api/v1/contracts/${id}/attachments`);
  if (!res.ok) { list.replaceChildren(el('li', {}, problem(res))); return; }
  if (res.data.length === 0) { list.replaceChildren(el('li', { class: 'muted' }, list.dataset.none)); return; }
  list.replaceChildren(...res.data.map((a) => {
    const remove = el('button', { type: 'button', class: 'button secondary' }, list.dataset.remove);
    const li = el('li', { 'data-testid': 'attachment' },
      el('a', { href: `/api/v1/contracts/${id}/attachments/${a.id}` }, a.fileName), ` (${Math.ceil(a.sizeBytes / 1024)} KB) `, remove);
    remove.addEventListener('click', async () => {
      const r = await api('DELETE', `/api/v1/contracts/${id}/attachments/${a.id}`);
      if (r.ok) loadAttachments(); else li.append(' ', problem(r));
    });
    return li;
  }));
}

upload?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = upload.elements.file.files[0];
  const result = upload.querySelector('[data-result]');
  if (!file) return;
  const body = new FormData();
  body.append('file', file);
  const headers = { Accept: 'application/json' };
  const csrf = document.querySelector('meta[name="_csrf"]')?.content;
  if (csrf) headers[document.querySelector('meta[name="_csrf_header"]').content] = csrf;
  const res = await fetch(`/api/v1/contracts/${id}/attachments`, { method: 'POST', headers, body, credentials: 'same-origin' });
  const data = (res.headers.get('Content-Type') || '').includes('json') ? await res.json() : {};
  result.textContent = res.ok ? '' : problem({ status: res.status, data });
  if (res.ok) { upload.reset(); loadAttachments(); }
});

if (id) {
  loadTags();
  loadAttachments();
}
