import { describe, expect, it } from 'vitest';
import { lockOnConfirmed, lockOnPrompt } from '../../../electron/lock-prompt';

describe("main's question before the app lock is turned on", () => {
  it('asks in the user language, with Cancel as the default and the answer to Escape', () => {
    const nl = lockOnPrompt('nl');
    expect(nl).toMatchObject({ type: 'question', message: 'App-vergrendeling aanzetten?', buttons: ['Aanzetten', 'Annuleren'], defaultId: 1, cancelId: 1 });
    expect(lockOnPrompt('en')).toMatchObject({ message: 'Turn on the app lock?', buttons: ['Turn on', 'Cancel'] });
  });

  it('turns it on only for the first button', () => {
    expect(lockOnConfirmed(0)).toBe(true);
    expect(lockOnConfirmed(1)).toBe(false);
    expect(lockOnConfirmed(-1)).toBe(false);
  });
});
