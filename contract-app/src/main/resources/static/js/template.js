// Template page: compare two versions side by side.
import { renderDiff } from './diff.js';

const form = document.querySelector('[data-template-diff]');
if (form) {
  const t = JSON.parse(document.querySelector('[data-i18n]').textContent || '{}');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const from = form.elements.from.value;
    const to = form.elements.to.value;
    const res = await fetch(`/api/v1/templates/${form.dataset.templateId}/diff?from=${from}&to=${to}`,
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const box = document.querySelector('[data-diff]');
    if (res.ok) renderDiff(box, await res.json(), t); else box.textContent = (await res.json()).detail;
  });
}
