// Approval in our UI: decide a task on "my tasks", submit or withdraw a contract in the editor.
import { api, el, problem } from './dom.js';

const i18n = JSON.parse(document.querySelector('[data-i18n]')?.textContent || '{}');
const t = (k) => i18n[k] || k;

document.querySelectorAll('[data-decide]').forEach((form) => {
  const out = form.querySelector('[data-result]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const res = await api('POST', `/api/v1/tasks/${form.dataset.decide}/complete`,
      { decision: data.get('decision'), opinion: data.get('opinion') || null });
    out.textContent = res.ok ? t('tasks.done') : problem(res);
    out.className = res.ok ? 'ok' : 'alert';
    if (res.ok) form.querySelectorAll('button, textarea, input').forEach((c) => { c.disabled = true; });
  });
});

document.querySelectorAll('[data-lifecycle]').forEach((button) => {
  button.addEventListener('click', async () => {
    const res = await api('POST', `/api/v1/contracts/${button.dataset.contract}/${button.dataset.lifecycle}`, {});
    const msg = document.querySelector('[data-message]');
    if (res.ok) { window.location.reload(); return; }
    msg.hidden = false;
    msg.replaceChildren(el('span', {}, problem(res)));
  });
});
