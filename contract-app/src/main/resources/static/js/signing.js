// Signing in our UI, on desktop and phone: the drafter arranges signers; a signer reads the
// contract, draws a signature (or applies the seal), proves who they are with a code, signs.
import { api, el, problem } from './dom.js';
import { assertion } from './passkeys.js';

const i18n = JSON.parse(document.querySelector('[data-i18n]')?.textContent || '{}');
const t = (k, ...args) => (i18n[k] || k).replace(/\{(\d)\}/g, (m, i) => args[+i] ?? '');

function show(out, ok, text) {
  out.textContent = text;
  out.className = ok ? 'ok' : 'alert';
}

// ---- the signature pad: mouse, pen and touch through pointer events ------------------------
function pad(canvas) {
  const ctx = canvas.getContext('2d');
  let drawing = false;
  let inked = false;
  const fit = () => {
    const ratio = window.devicePixelRatio || 1;
    canvas.width = canvas.clientWidth * ratio;
    canvas.height = canvas.clientHeight * ratio;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
  };
  fit();
  const at = (e) => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
  canvas.addEventListener('pointerdown', (e) => {
    drawing = true; canvas.setPointerCapture(e.pointerId);
    const [x, y] = at(e); ctx.beginPath(); ctx.moveTo(x, y);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    const [x, y] = at(e); ctx.lineTo(x, y); ctx.stroke(); inked = true;
  });
  ['pointerup', 'pointercancel'].forEach((n) => canvas.addEventListener(n, () => { drawing = false; }));
  return {
    clear() { ctx.clearRect(0, 0, canvas.width, canvas.height); inked = false; },
    png() { return inked ? canvas.toDataURL('image/png') : null; },
  };
}

// ---- one signature --------------------------------------------------------------------------
async function signing(root) {
  const base = root.dataset.signing;
  const out = root.querySelector('[data-result]');
  const res = await api('GET', base);
  if (!res.ok) { show(out, false, problem(res)); return; }
  const v = res.data;
  root.querySelector('[data-heading]').textContent = `${v.contractNo} ${v.title}`;
  root.querySelector('[data-pdf]').href = root.dataset.document || `/api/v1/contracts/${v.contractId}/document`;
  root.querySelector('[data-deadline]').textContent = t('deadline', new Date(v.deadline).toLocaleString());
  root.querySelector('[data-factor-count]').textContent = t('factorCount', v.factorCount);
  let drawn = null;
  if (v.appearance === 'SIGNATURE') {
    root.querySelector('[data-pad-box]').hidden = false;
    drawn = pad(root.querySelector('[data-pad]'));
    root.querySelector('[data-clear]').addEventListener('click', () => drawn.clear());
    root.querySelector('[data-on-file]').hidden = !v.handwritingOnFile;
  } else {
    const note = root.querySelector('[data-seal-note]');
    note.hidden = false;
    note.textContent = t('sealNote', v.organisation);
  }
  const channels = { SMS: v.smsAvailable, EMAIL: v.emailAvailable, TOTP: v.totpAvailable, PASSKEY: v.passkeyAvailable };
  Object.entries(channels).forEach(([c, on]) => { root.querySelector(`[data-channel=${c}]`).hidden = !on; });
  const challenges = {};
  root.querySelectorAll('[data-send]').forEach((button) => button.addEventListener('click', async () => {
    const channel = button.dataset.send;
    const sent = await api('POST', `${base}/challenge`, { channel });
    const note = root.querySelector(`[data-sent=${channel}]`);
    if (sent.ok) { challenges[channel] = sent.data.id; note.textContent = t('sent', sent.data.sentTo); } else { note.textContent = problem(sent); }
  }));
  let passkey = null;
  root.querySelector('[data-passkey]').addEventListener('click', async () => {
    const state = root.querySelector('[data-passkey-state]');
    const options = await api('POST', `${base}/passkey`, {});
    if (!options.ok) { state.textContent = problem(options); return; }
    try {
      passkey = await assertion(options.data);
      state.textContent = t('passkeyReady');
      state.dataset.ready = 'true';
    } catch (e) {
      state.textContent = e.message;
    }
  });
  root.querySelector('[data-sign]').addEventListener('click', async () => {
    const factors = passkey ? [passkey] : [];
    ['SMS', 'EMAIL'].forEach((c) => {
      const code = root.querySelector(`[data-code=${c}]`).value.trim();
      if (challenges[c] && code) factors.push({ type: c, challengeId: challenges[c], code });
    });
    const totp = root.querySelector('[data-code=TOTP]').value.trim();
    if (totp) factors.push({ type: 'TOTP', code: totp });
    const body = { factors, appearance: v.appearance, handwriting: drawn ? drawn.png() : null };
    const signed = await api('POST', `${base}/sign`, body);
    if (signed.ok) {
      show(out, true, t('signed', signed.data.revision, signed.data.documentSha256.substring(0, 16)));
      root.querySelectorAll('button, input, textarea').forEach((c) => { c.disabled = true; });
      out.dataset.done = 'true';
    } else {
      show(out, false, problem(signed));
    }
  });
  root.querySelector('[data-refuse]').addEventListener('click', async () => {
    const reason = root.querySelector('[data-reason]').value;
    const refused = await api('POST', `${base}/refuse`, { reason });
    show(out, refused.ok, refused.ok ? t('refused') : problem(refused));
  });
  root.dataset.ready = 'true';
}

// ---- the drafter arranges ---------------------------------------------------------------------
function signerRow() {
  const select = (name, options) => el('select', { 'data-field': name },
    ...options.map(([value, label]) => el('option', { value }, label)));
  const input = (name, placeholder) => el('input', { 'data-field': name, placeholder });
  return el('div', { class: 'signer-row' },
    select('party', [['OURS', t('ours')], ['COUNTERPARTY', t('counterparty')]]),
    select('appearance', [['SIGNATURE', t('signature')], ['SEAL', t('seal')]]),
    input('userId', t('userId')), input('name', t('name')), input('organisation', t('organisation')),
    input('email', t('email')), input('phone', t('phone')), input('idNumber', t('idNumber')));
}

function arrange(root) {
  const list = root.querySelector('[data-signers]');
  const out = root.querySelector('[data-result]');
  list.append(signerRow());
  root.querySelector('[data-add-signer]').addEventListener('click', () => list.append(signerRow()));
  root.querySelector('[data-start]').addEventListener('click', async () => {
    const signers = [...list.querySelectorAll('.signer-row')].map((row) => {
      const s = {};
      row.querySelectorAll('[data-field]').forEach((f) => { if (f.value.trim()) s[f.dataset.field] = f.value.trim(); });
      return s;
    });
    const res = await api('POST', `/api/v1/contracts/${root.dataset.arrange}/signing`, { signers });
    show(out, res.ok, res.ok ? t('arranged', res.data.order, res.data.factorCount) : problem(res));
  });
}

document.querySelectorAll('[data-signing]').forEach(signing);
document.querySelectorAll('[data-arrange]').forEach(arrange);
