import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNodeKeychainWorker } from '../../../../node/keychain/node-transport';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Sends one request to a started worker and returns its reply's value. */
function ask(workerPath: string, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const transport = startNodeKeychainWorker({ workerPath, env });
  return new Promise((resolve, reject) => {
    transport.onExit((code) => reject(new Error(`worker ended (${code})`)));
    transport.onMessage((message) => {
      resolve((message as { value: Record<string, unknown> }).value);
      transport.kill();
    });
    transport.send({ id: 1, op: 'getPassword', args: ['service', 'account'] });
  });
}

describe('the CLI keychain worker process', () => {
  it('starts without the CA bundle and NODE_OPTIONS of its caller, and with the rest of its environment', async () => {
    const value = await ask(join(FIXTURES, 'env-echo-worker.mjs'), {
      ...process.env,
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
      NODE_OPTIONS: `--require=${join(FIXTURES, 'hook.cjs')}`,
      TWEESTAP_KEYCHAIN_SERVICE: 'tweestap-env-test',
    });
    expect(value).toEqual({ caBundle: null, nodeOptions: null, hooked: false, service: 'tweestap-env-test' });
  });
});
