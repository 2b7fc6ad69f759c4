import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../node/vault';
import { bundleWriter, startWriter } from './writer-process';

const KILLS = 200;

let script: string;
let dir: string;
beforeAll(async () => {
  script = await bundleWriter();
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-crash-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.dirname(script), { recursive: true, force: true });
});

describe('vault under SIGKILL and concurrent writers', () => {
  it(`never fails to load nor loses a reported account when its writer is killed at random moments (${KILLS} kills)`, async () => {
    const reported = new Set<string>();
    let killedWhileWriting = 0;
    for (let round = 0; round < KILLS; round++) {
      const writer = startWriter(script, dir, `r${round}-`, 0);
      await writer.ready;
      // A random moment within the first writes (each a locked read-modify-write with fsync).
      await sleep(Math.random() * 30);
      writer.child.kill('SIGKILL');
      expect(await writer.exited).toBe('SIGKILL');
      writer.saved.forEach((id) => reported.add(id));
      const ids = new Set((await new Vault(dir).read()).map((a) => a.id));
      const lost = [...reported].filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
      // Saved but killed before it could report: allowed, and proof that kills land mid-write.
      if ([...ids].some((id) => id.startsWith(`r${round}-`) && !reported.has(id))) killedWhileWriting += 1;
    }
    console.log(`crash test: ${KILLS} kills, ${reported.size} accounts reported saved, ${killedWhileWriting} kills between a write and its report`);
    expect(reported.size).toBeGreaterThan(0);
  }, 120_000);

  it('loses nothing when two processes add at the same time', async () => {
    const perWriter = 150;
    const shared = mkdtempSync(path.join(tmpdir(), 'tweestap-concurrent-'));
    try {
      const writers = ['a-', 'b-'].map((prefix) => startWriter(script, shared, prefix, perWriter));
      expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);
      const ids = (await new Vault(shared).read()).map((a) => a.id);
      expect(ids).toHaveLength(2 * perWriter);
      expect(new Set(ids)).toEqual(new Set(writers.flatMap((w) => w.saved)));
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  }, 60_000);
});
