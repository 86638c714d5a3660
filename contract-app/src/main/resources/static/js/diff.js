// Side-by-side rendering of a version comparison (contracts and templates): old text with
// deletions on the left, new text with insertions on the right, changed variables below.
import { el } from './dom.js';

function side(segments, op) {
  return segments.filter((s) => s.op === 'EQUAL' || s.op === op)
    .map((s) => (s.op === 'EQUAL' ? el('span', {}, s.text) : el(op === 'DELETE' ? 'del' : 'ins', {}, s.text)));
}

export function renderDiff(box, comparison, t) {
  box.replaceChildren(el('h3', {}, `v${comparison.from} → v${comparison.to}`));
  for (const c of comparison.clauses.filter((x) => x.kind !== 'UNCHANGED')) {
    const title = el('div', { class: 'diff-title' }, (t['kind.' + c.kind] || c.kind) + ' · ' + (c.newHeading || c.oldHeading || c.key));
    // a moved clause with the same text only needs its old and new place
    const body = c.kind === 'MOVED'
      ? el('div', { class: 'muted small' }, `${c.oldPosition} → ${c.newPosition}`)
      : el('div', { class: 'diff-sides' }, el('div', { class: 'old' }, side(c.segments, 'DELETE')), el('div', { class: 'new' }, side(c.segments, 'INSERT')));
    box.append(el('div', { class: 'diff-clause', 'data-kind': c.kind }, title, body));
  }
  for (const v of comparison.values) {
    box.append(el('div', { class: 'diff-clause', 'data-kind': 'VALUE' }, el('div', { class: 'diff-title' }, (t.variable || '') + ' · ' + v.name),
      el('div', { class: 'diff-sides' }, el('div', { class: 'old' }, el('del', {}, v.before ?? '')), el('div', { class: 'new' }, el('ins', {}, v.after ?? '')))));
  }
  if (!box.querySelector('.diff-clause')) box.append(el('p', { class: 'muted' }, t.identical || ''));
}
