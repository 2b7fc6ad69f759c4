/**
 * `npm run bench:security`: the long runs of the security proofs. Every parser target of
 * test/security/parser-targets.ts (otpauth parser, migration decoder, backup reader, image
 * decoder) gets 100,000 fast-check cases; each must give a result or a typed input error, within
 * its per-case hang bound and the RSS growth limit. Prints cases per second, the slowest case and
 * the RSS growth of each, then the key-derivation figures of ./kdf-cost.ts (`--only kdf`).
 *
 *   node --import tsx test/bench/security.ts [--cases N] [--only <name part>] [--seed S]
 *
 * The vault fault test runs longer with TWEESTAP_FAULT_OPS=<n> npm run test:security.
 */
import { parseArgs } from 'node:util';
import { fuzz, imageTarget, PARSER_TARGETS, RSS_GROWTH_LIMIT_MB, type FuzzTarget } from '../security/parser-targets';
import { benchKdfCost } from './kdf-cost';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, only: { type: 'string' }, seed: { type: 'string' } } });
const cases = Number(values.cases);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const targets = ([...PARSER_TARGETS, imageTarget] as FuzzTarget<unknown>[]).filter((t) => !values.only || t.name.includes(values.only));

console.log(`bench:security — ${cases.toLocaleString('en')} cases per parser, seed ${seed}, RSS growth limit ${RSS_GROWTH_LIMIT_MB} MB, Node ${process.version}`);
let failed = false;
for (const target of targets) {
  try {
    const f = await fuzz(target, cases, seed);
    console.log(
      `${f.name.padEnd(32)} ${f.cases.toLocaleString('en').padStart(8)} cases  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${Math.round(f.cases / (f.ms / 1000)).toLocaleString('en').padStart(7)}/s  accepted ${f.accepted.toLocaleString('en').padStart(6)}  slowest ${f.slowestCaseMs.toFixed(1).padStart(6)} ms  RSS +${f.rssGrowthMb.toFixed(0)} MB`,
    );
  } catch (error) {
    failed = true;
    console.log(`${target.name}: FAILED\n${error instanceof Error ? error.message : String(error)}`);
  }
}
if (!values.only || 'kdf cost'.includes(values.only)) for (const line of await benchKdfCost()) console.log(line);
process.exitCode = failed ? 1 : 0;
