// Creating elements without innerHTML: every text goes in as a text node.
export const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('data-')) e.setAttribute(k, v); else e[k] = v;
  }
  children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return e;
};

// JSON calls with the session's CSRF token; answers {ok, status, data} and never throws on 4xx.
const csrf = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf && method !== 'GET') headers[csrfHeader] = csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  return { ok: res.ok, status: res.status, data };
}

// A problem+json answer as one line: the detail, then each field's message.
export function problem(res) {
  const d = res.data || {};
  const fields = (d.errors || []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(' ');
  return [d.detail || d.title || res.status, fields].filter(Boolean).join(' ');
}
