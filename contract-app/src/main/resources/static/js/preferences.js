// Reminder channels on the profile page: e-mail, in-app, SMS (with the mobile number it goes to).
import { api, problem } from './dom.js';

const form = document.querySelector('[data-preferences]');
const channels = ['EMAIL', 'IN_APP', 'SMS'];

async function load() {
  const res = await api('GET', '/api/v1/me/notification-preferences');
  if (!res.ok) return;
  channels.forEach((c) => { form.elements[c].checked = !!res.data.channels[c]; });
  form.elements.phone.value = res.data.phone || '';
}

form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = { channels: Object.fromEntries(channels.map((c) => [c, form.elements[c].checked])), phone: form.elements.phone.value.trim() || null };
  const res = await api('PUT', '/api/v1/me/notification-preferences', body);
  form.querySelector('[data-result]').textContent = res.ok ? form.dataset.saved : problem(res);
  if (res.ok) load();
});
if (form) load();
