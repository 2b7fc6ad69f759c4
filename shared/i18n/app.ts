/**
 * Messages of the app area (the React window) that it shows from the start: the account list,
 * first-time walkthrough, lock and start-up screens; its dialogs' are in dialogs.ts. Keys are
 * `app.*`; `nl` must translate every key of `en`. The Dutch follows the NSE Portal's own words: tweefactorauthenticatie, authenticatie-app,
 * koppelen, zescijferige code.
 */
export const en = {
  'app.loading': 'Loading…',
  'app.error.connection': 'Tweestap cannot reach its background process. Restart the app.',
  'app.error.unexpected': 'Something went wrong. Please try again.',
  'app.error.partMissing': 'This part of Tweestap could not be loaded. Restart the app; if that does not help, install it again.',
  'app.action.close': 'Close',

  'app.search.label': 'Search accounts',
  'app.search.placeholder': 'Search…',

  'app.list.label': 'Accounts',
  'app.list.copyHint': 'Click or press Enter to copy the code. Alt+Arrow Up or Down moves the account.',
  'app.list.noMatch': 'No account matches “{query}”.',

  'app.code.secondsLeft': '{seconds} s',
  'app.code.next': 'Next: {code}',

  'app.copy.done': 'Code of {name} copied.',
  'app.copy.clears': 'It is cleared from the clipboard in {seconds} seconds.',

  'app.account.secretMissing': 'The secret of this account is missing from the keychain.',
  'app.account.readd': 'Add again',
  'app.account.hotpNext': 'Show next code',
  'app.account.rename': 'Rename {name}',
  'app.account.delete': 'Delete {name}',
  'app.account.moveUp': 'Move {name} up',
  'app.account.moveDown': 'Move {name} down',
  'app.account.moved': '{name} moved to place {position} of {total}.',
  'app.account.dragHint': 'Drag to reorder',

  'app.delete.done': '{name} deleted.',

  'app.add.title': 'Add account',

  'app.empty.title': 'Link Tweestap to the NSE Portal',
  'app.empty.intro':
    'The NSE Portal asks for two-factor authentication: your password plus a six-digit code from an authenticator app. Tweestap is that app, on your computer. Log in to the NSE Portal first (steps 1–6 of the instructions), then:',
  'app.empty.step1': 'In the NSE Portal, click “Click here to activate two-factor authentication for your account”.',
  'app.empty.step2': 'The NSE Portal shows a QR code. Leave it on screen and click “Scan the screen” here in Tweestap.',
  'app.empty.step3': 'The account appears as “Nse-Portal” with your e-mail address below it, and Tweestap copies its six-digit code at once.',
  'app.empty.step4': 'In the NSE Portal, click the field for the code, paste the code (Ctrl+V, ⌘V on a Mac) and confirm.',
  'app.empty.step5': 'The code changes every 20 seconds. Too late? Click the code in Tweestap to copy the new one.',
  'app.empty.step6': 'The NSE Portal confirms that the link succeeded. From now on you log in with your password and the six-digit code from Tweestap.',
  'app.empty.otherWays': 'Scanning does not work? “Add account” also takes a screenshot of the QR code, the link or the key shown under the QR code.',
  'app.empty.note': 'Questions about the NSE Portal? The NSE Helpdesk: info@nse.nl, 020 – 369 9666, working days 9:00–17:00.',
  'app.empty.add': 'Add account',
  'app.empty.scan': 'Scan the screen',
  'app.empty.openPortal': 'Open the NSE Portal',

  'app.settings.title': 'Settings',
  'app.settings.clipboardClearRange': 'Use 0 (never) or a whole number from {min} to {max}.',
  'app.settings.clockOffsetRange': 'Use a whole number from {min} to {max}.',

  'app.offset.banner': 'Test mode: the clock is shifted by {seconds} s, so the codes may not work.',
  'app.offset.off': 'Turn off',

  'app.keychain.title': 'Tweestap cannot use the keychain',
  'app.keychain.why': 'Tweestap keeps every secret key in the keychain of your operating system and never in a plain file. It needs the keychain to work.',
  'app.keychain.linux':
    'Linux: install and unlock a Secret Service such as GNOME Keyring or KWallet. On Debian or Ubuntu: sudo apt install gnome-keyring, then log out and in again.',
  'app.keychain.mac':
    'macOS: when macOS asks whether Tweestap may use your keychain, choose “Always Allow”. In Keychain Access, check that your login keychain is unlocked.',
  'app.keychain.windows':
    'Windows: Tweestap uses the Credential Manager. Check that you are logged in to your own account, not a guest or temporary profile.',
  'app.keychain.retry': 'Try again',
  'app.vault.title': 'Tweestap cannot open your account list',
  'app.vault.where': 'The account list (vault.json) is in {folder}.',
  'app.vault.update': 'Install the latest version of Tweestap, then start it again. Until then, leave the file as it is: it holds your accounts.',
  'app.vault.recoverWhat':
    'Tweestap will rename the damaged file to vault.json.corrupt-… in the same folder, where it is kept and never deleted. If there is a previous good copy (vault.json.bak), it is restored; otherwise your list starts empty.',
  'app.vault.recoverSecrets':
    'Your secret keys stay in the keychain either way. Accounts missing from the restored list come back when you restore a backup, or you can add them again.',
  'app.vault.recover': 'Move the damaged file aside and continue',
  'app.vault.restored': 'The damaged file was kept as {file}. Accounts restored from the previous copy: {count}.',
  'app.vault.startedEmpty': 'The damaged file was kept as {file}. There was no good previous copy, so the list starts empty.',

  'app.backup.reminderLabel': 'Backup reminder',
  'app.backup.reminderOne': 'Your account is not in a backup yet. If you lose this computer, a backup gets it back.',
  'app.backup.reminderAll': 'Your {count} accounts are not in a backup yet. If you lose this computer, a backup gets them back.',
  'app.backup.reminderSome': '{count} of your {total} accounts are not in a backup yet. If you lose this computer, a backup gets them back.',
  'app.backup.reminderAction': 'Back up now',
  'app.backup.reminderLater': 'Not now',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'app.loading': 'Laden…',
  'app.error.connection': 'Tweestap kan zijn achtergrondproces niet bereiken. Start de app opnieuw.',
  'app.error.unexpected': 'Er ging iets mis. Probeer het nog eens.',
  'app.error.partMissing': 'Dit onderdeel van Tweestap kon niet worden geladen. Start de app opnieuw; helpt dat niet, installeer hem dan opnieuw.',
  'app.action.close': 'Sluiten',

  'app.search.label': 'Accounts zoeken',
  'app.search.placeholder': 'Zoeken…',

  'app.list.label': 'Accounts',
  'app.list.copyHint': 'Klik of druk op Enter om de code te kopiëren. Met Alt+pijl omhoog of omlaag verplaats je het account.',
  'app.list.noMatch': 'Geen account gevonden voor “{query}”.',

  'app.code.secondsLeft': '{seconds} s',
  'app.code.next': 'Volgende: {code}',

  'app.copy.done': 'Code van {name} gekopieerd.',
  'app.copy.clears': 'Over {seconds} seconden wordt het klembord gewist.',

  'app.account.secretMissing': 'De geheime sleutel van dit account ontbreekt in de sleutelhanger.',
  'app.account.readd': 'Opnieuw toevoegen',
  'app.account.hotpNext': 'Volgende code tonen',
  'app.account.rename': '{name} hernoemen',
  'app.account.delete': '{name} verwijderen',
  'app.account.moveUp': '{name} omhoog verplaatsen',
  'app.account.moveDown': '{name} omlaag verplaatsen',
  'app.account.moved': '{name} staat nu op plaats {position} van {total}.',
  'app.account.dragHint': 'Sleep om de volgorde te wijzigen',

  'app.delete.done': '{name} verwijderd.',

  'app.add.title': 'Account toevoegen',

  'app.empty.title': 'Tweestap koppelen aan de NSE Portal',
  'app.empty.intro':
    'Voor de NSE Portal is tweefactorauthenticatie nodig: je wachtwoord plus een zescijferige code uit een authenticatie-app. Tweestap is die authenticatie-app, op je computer. Log eerst in op de NSE Portal (stap 1 tot en met 6 van de instructie), en dan:',
  'app.empty.step1': 'Klik in de NSE Portal op “Klik hier om twee-factor-authenticatie voor je account te activeren”.',
  'app.empty.step2': 'De NSE Portal toont een QR-code. Laat die in beeld staan en klik hier in Tweestap op “Scherm scannen”.',
  'app.empty.step3': 'Het account verschijnt als “Nse-Portal” met daaronder je e-mailadres, en Tweestap kopieert meteen de zescijferige code.',
  'app.empty.step4': 'Klik in de NSE Portal in het veld voor de code, plak de code (Ctrl+V, ⌘V op een Mac) en bevestig.',
  'app.empty.step5': 'De code verandert elke 20 seconden. Te laat? Klik in Tweestap op de code om de nieuwe te kopiëren.',
  'app.empty.step6': 'De NSE Portal bevestigt dat de koppeling gelukt is. Vanaf nu log je in met je wachtwoord en de zescijferige code uit Tweestap.',
  'app.empty.otherWays': 'Lukt scannen niet? Met “Account toevoegen” kun je ook een schermafbeelding van de QR-code openen, of de link of de sleutel onder de QR-code invoeren.',
  'app.empty.note': 'Vragen over de NSE Portal? De NSE Helpdesk: info@nse.nl, 020 – 369 9666, op werkdagen van 9.00 tot 17.00 uur.',
  'app.empty.add': 'Account toevoegen',
  'app.empty.scan': 'Scherm scannen',
  'app.empty.openPortal': 'De NSE Portal openen',

  'app.settings.title': 'Instellingen',
  'app.settings.clipboardClearRange': 'Gebruik 0 (nooit) of een heel getal van {min} tot {max}.',
  'app.settings.clockOffsetRange': 'Gebruik een heel getal van {min} tot {max}.',

  'app.offset.banner': 'Testmodus: de klok is {seconds} s verschoven, dus de codes werken misschien niet.',
  'app.offset.off': 'Uitzetten',

  'app.keychain.title': 'Tweestap kan de sleutelhanger niet gebruiken',
  'app.keychain.why': 'Tweestap bewaart elke geheime sleutel in de sleutelhanger van je besturingssysteem en nooit in een gewoon bestand. Zonder sleutelhanger werkt de app niet.',
  'app.keychain.linux':
    'Linux: installeer en ontgrendel een Secret Service zoals GNOME Keyring of KWallet. Op Debian of Ubuntu: sudo apt install gnome-keyring, en log daarna uit en weer in.',
  'app.keychain.mac':
    'macOS: vraagt macOS of Tweestap je sleutelhanger mag gebruiken, kies dan “Altijd toestaan”. Controleer in Sleutelhangertoegang of je inlogsleutelhanger ontgrendeld is.',
  'app.keychain.windows':
    'Windows: Tweestap gebruikt Referentiebeheer. Controleer of je met je eigen account bent ingelogd en niet met een gast- of tijdelijk profiel.',
  'app.keychain.retry': 'Opnieuw proberen',
  'app.vault.title': 'Tweestap kan je accountlijst niet openen',
  'app.vault.where': 'De accountlijst (vault.json) staat in {folder}.',
  'app.vault.update': 'Installeer de nieuwste versie van Tweestap en start de app opnieuw. Laat het bestand tot die tijd zoals het is: je accounts staan erin.',
  'app.vault.recoverWhat':
    'Tweestap geeft het beschadigde bestand de naam vault.json.corrupt-… in dezelfde map, waar het bewaard blijft en nooit wordt verwijderd. Is er een vorige goede kopie (vault.json.bak), dan wordt die teruggezet; anders begint je lijst leeg.',
  'app.vault.recoverSecrets':
    'Je geheime sleutels blijven hoe dan ook in de sleutelhanger. Accounts die in de teruggezette lijst ontbreken, komen terug als je een back-up terugzet, of je voegt ze opnieuw toe.',
  'app.vault.recover': 'Zet het beschadigde bestand opzij en ga verder',
  'app.vault.restored': 'Het beschadigde bestand is bewaard als {file}. Accounts teruggezet uit de vorige kopie: {count}.',
  'app.vault.startedEmpty': 'Het beschadigde bestand is bewaard als {file}. Er was geen goede vorige kopie, dus de lijst begint leeg.',

  'app.backup.reminderLabel': 'Herinnering aan een back-up',
  'app.backup.reminderOne': 'Je account staat nog niet in een back-up. Raak je deze computer kwijt, dan krijg je het met een back-up terug.',
  'app.backup.reminderAll': 'Je {count} accounts staan nog niet in een back-up. Raak je deze computer kwijt, dan krijg je ze met een back-up terug.',
  'app.backup.reminderSome': '{count} van je {total} accounts staan nog niet in een back-up. Raak je deze computer kwijt, dan krijg je ze met een back-up terug.',
  'app.backup.reminderAction': 'Nu een back-up maken',
  'app.backup.reminderLater': 'Niet nu',
};
