/** The app lock (issue 12, part 8): its errors (`lock.*`) and its lock screen (`app.lock.*`); its part of Settings is in dialogs.ts. */
export const en = {
  'lock.locked': 'Tweestap is locked. Unlock it first.',
  'lock.notTurnedOn': 'The app lock was not turned on.',
  'lock.wrongPin': 'That is not the right PIN or password.',
  'lock.wait': 'Too many wrong tries. Try again in {seconds} seconds.',
  'lock.pinLength': 'Use {min} to {max} characters.',
  'lock.unavailable': 'The app lock is not available here.',
  'lock.systemUnavailable': 'Touch ID is not available on this computer.',
  'lock.systemRefused': 'Touch ID did not confirm it is you. Use your PIN or password.',
  'app.lock.title': 'Tweestap is locked',
  'app.lock.intro': 'Type your PIN or password to see your codes.',
  'app.lock.pin': 'PIN or password',
  'app.lock.unlock': 'Unlock',
  'app.lock.unlocking': 'Checking…',
  'app.lock.touchId': 'Unlock with Touch ID',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'lock.locked': 'Tweestap is vergrendeld. Ontgrendel het eerst.',
  'lock.notTurnedOn': 'De app-vergrendeling is niet aangezet.',
  'lock.wrongPin': 'Dat is niet de juiste pincode of het juiste wachtwoord.',
  'lock.wait': 'Te vaak fout geprobeerd. Probeer het over {seconds} seconden opnieuw.',
  'lock.pinLength': 'Gebruik {min} tot {max} tekens.',
  'lock.unavailable': 'De app-vergrendeling is hier niet beschikbaar.',
  'lock.systemUnavailable': 'Touch ID is niet beschikbaar op deze computer.',
  'lock.systemRefused': 'Touch ID heeft niet bevestigd dat jij het bent. Gebruik je pincode of wachtwoord.',
  'app.lock.title': 'Tweestap is vergrendeld',
  'app.lock.intro': 'Typ je pincode of wachtwoord om je codes te zien.',
  'app.lock.pin': 'Pincode of wachtwoord',
  'app.lock.unlock': 'Ontgrendelen',
  'app.lock.unlocking': 'Bezig met controleren…',
  'app.lock.touchId': 'Ontgrendelen met Touch ID',
};
