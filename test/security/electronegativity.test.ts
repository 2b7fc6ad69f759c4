/**
 * scripts/electronegativity.mjs (npm run lint:electron): passes on electron/ with every finding
 * explained in .electronegativity.json, and fails on a deliberately insecure window
 * (test/fixtures/faults/insecure-electron), whose findings have no reason. Never uses the network.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../unit/cli/run-cli';

function lint(folder?: string) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/electronegativity.mjs'), ...(folder ? [folder] : [])], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('electronegativity', () => {
  it('passes on electron/: every finding has a written reason', () => {
    const { status, output } = lint();
    expect(output).toMatch(/electronegativity 1\.10\.3 on electron\/ .* (\d+) findings, \1 allowed with a reason/);
    expect(status).toBe(0);
  });

  it('fails on an insecure window, naming the unexplained findings and the entries that no longer match', () => {
    const { status, output } = lint('test/fixtures/faults/insecure-electron');
    expect(status).toBe(1);
    expect(output).toContain('finding without a reason in .electronegativity.json: CONTEXT_ISOLATION_JS_CHECK @ insecure-window.ts');
    expect(output).toContain('finding without a reason in .electronegativity.json: SANDBOX_JS_CHECK @ insecure-window.ts');
    expect(output).toContain('allow-list entry matches no finding');
  });
});
