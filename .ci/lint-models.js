// Lints every model an analyst edits: processes/**/*.bpmn with bpmnlint, rules/**/*.dmn with
// dmnlint, both with their recommended rules (.bpmnlintrc, .dmnlintrc). Exits non-zero on any problem.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function find(dir, ext) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? find(p, ext) : (p.endsWith(ext) ? [p] : []);
  });
}

const bin = (name) => path.join('node_modules', '.bin', name);
let failed = false;
for (const [tool, files] of [['bpmnlint', find('processes', '.bpmn')], ['dmnlint', find('rules', '.dmn')]]) {
  if (files.length === 0) continue;
  try {
    execFileSync(bin(tool), files, { stdio: 'inherit' });
    console.log(`${tool}: ${files.length} model(s) clean`);
  } catch (e) {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
