// Runs @doyensec/electronegativity on electron/ (TypeScript, parsed by the tool itself) and fails on
// any finding not in the allow-list .electronegativity.json (one written reason per entry), and on
// allow-list entries that no longer match a finding.
//   node scripts/electronegativity.mjs [folder]    (npm run lint:electron; folder defaults to electron/)
// Works offline: the tool fetches translations and Electron's release list with `got`; here `got`
// is replaced by a stub that fails at once, and the release check is excluded (see the allow-list).
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(path.join(root, '.electronegativity.json'), 'utf8'));
const input = path.resolve(root, process.argv[2] ?? 'electron');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;

let networkAttempts = 0;
const offline = () => {
  networkAttempts += 1;
  return Promise.reject(new Error('electronegativity: network disabled'));
};
offline.head = offline;
const load = Module._load;
Module._load = function loadWithoutNetwork(request, ...rest) {
  return request === 'got' ? offline : load.call(this, request, ...rest);
};

const run = require('@doyensec/electronegativity/dist/runner.js');
// The tool logs "Could not retrieve updated translations" when the stubbed download fails; that is expected.
const log = console.log;
console.log = () => undefined;
let result;
try {
  result = await run(
    {
      input,
      isRelative: true,
      customScan: [],
      excludeFromScan: config.excludedChecks.map((entry) => entry.check),
      parserPlugins: [],
      electronVersionOverride: electronVersion,
    },
    false,
  );
} finally {
  console.log = log;
}

/** The allow-list entry that explains `issue`: same check and file, and its line contains `match`. */
const explanationOf = (issue) =>
  config.allowed.find((entry) => entry.check === issue.id && entry.file === issue.file && (entry.match === undefined || String(issue.sample ?? '').includes(entry.match)));
const used = new Set();
const unexplained = [];
for (const issue of result.issues) {
  const entry = explanationOf(issue);
  if (entry) used.add(entry);
  else unexplained.push(`${issue.id} @ ${issue.file}:${issue.location.line}:${issue.location.column}  ${issue.description}`);
}
const unused = config.allowed.filter((entry) => !used.has(entry)).map((entry) => `${entry.check} @ ${entry.file}${entry.match ? ` (${entry.match})` : ''}`);
const parseErrors = result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`);
const missingReasons = [...config.allowed, ...config.excludedChecks].filter((entry) => !String(entry.reason ?? '').trim());

console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version} on ${path.relative(root, input)}/ (Electron ${electronVersion}): ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} findings, ${result.issues.length - unexplained.length} allowed with a reason, network requests refused: ${networkAttempts}`);
const problems = [
  ...unexplained.map((line) => `finding without a reason in .electronegativity.json: ${line}`),
  ...unused.map((id) => `allow-list entry matches no finding (remove it): ${id}`),
  ...parseErrors.map((line) => `could not parse: ${line}`),
  ...missingReasons.map((entry) => `allow-list entry without a reason: ${entry.check}`),
];
for (const problem of problems) console.error(problem);
process.exitCode = problems.length ? 1 : 0;
