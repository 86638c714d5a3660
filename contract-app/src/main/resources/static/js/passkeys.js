// WebAuthn in the browser: the device's face or fingerprint unlock signs our challenge; only the
// public key and the signature reach the server.
import { api } from './dom.js';

const fromB64u = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toB64u = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** PublicKeyCredential as JSON (what toJSON() gives where the browser has it). */
export function credentialJson(c) {
  const r = c.response;
  const out = {
    id: c.id, rawId: toB64u(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
    clientExtensionResults: c.getClientExtensionResults ? c.getClientExtensionResults() : {},
    response: { clientDataJSON: toB64u(r.clientDataJSON) },
  };
  if (r.attestationObject) {
    out.response.attestationObject = toB64u(r.attestationObject);
    out.response.transports = r.getTransports ? r.getTransports() : [];
  } else {
    out.response.authenticatorData = toB64u(r.authenticatorData);
    out.response.signature = toB64u(r.signature);
    if (r.userHandle) out.response.userHandle = toB64u(r.userHandle);
  }
  return out;
}

/** Asks the device for an assertion on our options; returns the factor to send with the signature. */
export async function assertion(options) {
  const credential = await navigator.credentials.get({ publicKey: {
    challenge: fromB64u(options.challenge), rpId: options.rpId, timeout: options.timeoutMs, userVerification: 'required',
    allowCredentials: options.allowCredentials.map((id) => ({ type: 'public-key', id: fromB64u(id) })),
  } });
  return { type: 'PASSKEY', challengeId: options.challengeId, assertion: JSON.stringify(credentialJson(credential)) };
}

/** Registers a new passkey for the signed-in user. */
export async function register() {
  const options = await api('POST', '/api/v1/me/passkeys/options', {});
  if (!options.ok) return options;
  const o = options.data;
  const credential = await navigator.credentials.create({ publicKey: {
    challenge: fromB64u(o.challenge), rp: { id: o.rpId, name: o.rpName },
    user: { id: fromB64u(o.userId), name: o.userName, displayName: o.userName },
    pubKeyCredParams: o.algorithms.map((alg) => ({ type: 'public-key', alg })),
    excludeCredentials: o.allowCredentials.map((id) => ({ type: 'public-key', id: fromB64u(id) })),
    authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' }, timeout: o.timeoutMs,
  } });
  return api('POST', '/api/v1/me/passkeys', { challengeId: o.challengeId, response: JSON.stringify(credentialJson(credential)) });
}

document.querySelectorAll('[data-register-passkey]').forEach((button) => {
  const out = document.querySelector('[data-passkey-result]');
  button.addEventListener('click', async () => {
    try {
      const res = await register();
      out.textContent = res.ok ? button.dataset.done : (res.data?.detail || res.status);
      out.className = res.ok ? 'ok' : 'alert';
    } catch (e) {
      out.textContent = e.message;
      out.className = 'alert';
    }
  });
});
