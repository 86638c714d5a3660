// Creating elements without innerHTML: every text goes in as a text node.
export const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('data-')) e.setAttribute(k, v); else e[k] = v;
  }
  children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return e;
};
