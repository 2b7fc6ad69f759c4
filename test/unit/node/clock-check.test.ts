/** The clock check against a real local server whose clock runs ahead, and its edge cases on a fake fetch. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkClock, clockCheckUrl, type HeadFetch } from '../../../node/clock-check';
import { TweestapError } from '../../../shared/errors';
import { startSkewedServer, type SkewedServer } from '../../fixtures/clock/skewed-server';
import { rejectionOf } from './importers/helpers';

let server: SkewedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const failure = (promise: Promise<unknown>) => rejectionOf(() => promise);

describe('checkClock against a server 90 s ahead', () => {
  it('measures about +90 s from several HEAD requests', async () => {
    server = await startSkewedServer({ aheadMs: 90_000 });
    const result = await checkClock(server.url, { allowHttp: true });
    expect(result.samples).toBe(4);
    expect(server.requests()).toBe(4);
    // The Date header has whole seconds: the midpoint estimate is within about half a second.
    expect(Math.abs(result.offsetMs - 90_000)).toBeLessThan(1000);
    expect(result.url).toBe(server.url);
  });

  it('says so when the server sends no Date header, after asking', async () => {
    server = await startSkewedServer({ aheadMs: 0, withDate: false });
    const error = await failure(checkClock(server.url, { allowHttp: true }));
    expect(error).toMatchObject({ kind: 'not-found', key: 'clock.noDate', params: { host: new URL(server.url).host } });
  });

  it('refuses http in the app (https only) before any request', async () => {
    server = await startSkewedServer({ aheadMs: 0 });
    const error = await failure(checkClock(server.url));
    expect(error).toMatchObject({ kind: 'input', key: 'clock.httpsOnly' });
    expect(server.requests()).toBe(0);
  });
});

describe('checkClock on a fake network', () => {
  /** A fetch whose server stamps `serverNow()` and whose round trip takes `tripMs` on a fake clock. */
  function fakeNetwork(serverAheadMs: number, tripMs: number[]) {
    let clock = Date.UTC(2026, 0, 5, 12, 0, 0, 250);
    const calls: string[] = [];
    const fetch: HeadFetch = async (url, init) => {
      calls.push(`${init.method} ${url}`);
      const trip = tripMs[calls.length - 1] ?? 100;
      clock += trip / 2;
      const date = new Date(clock + serverAheadMs).toUTCString();
      clock += trip / 2;
      return { headers: { get: (name: string) => (name.toLowerCase() === 'date' ? date : null) } };
    };
    return { fetch, now: () => clock, calls };
  }

  it('takes the round-trip midpoint and the median, so one slow answer does not count', async () => {
    const network = fakeNetwork(-30_000, [80, 120, 9000, 100]);
    const result = await checkClock('https://nse-portal.crowdtech.com/', network);
    expect(network.calls).toEqual(Array(4).fill('HEAD https://nse-portal.crowdtech.com/'));
    expect(Math.abs(result.offsetMs + 30_000)).toBeLessThanOrEqual(500);
  });

  it('reports an unreachable site as offline, naming only its host', async () => {
    const fetch: HeadFetch = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await failure(checkClock('https://nse-portal.crowdtech.com/path?x=1', { fetch }));
    expect(error).toMatchObject({ kind: 'not-found', key: 'clock.offline', params: { host: 'nse-portal.crowdtech.com' } });
  });

  it.each(['', 'nse-portal', 'ftp://example.com/', 'javascript:alert(1)', 'https://user:pw@example.com/'])('refuses %j as an address', (text) => {
    expect(() => clockCheckUrl(text, true)).toThrow(TweestapError);
  });
});
