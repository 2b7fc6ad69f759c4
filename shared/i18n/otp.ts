/**
 * Messages of the otp area (parsing, codes, Google Authenticator exports). Keys are `otp.*`;
 * `nl` must translate every key of `en`. No message ever contains a secret: params name
 * accounts, values of non-secret fields, or limits.
 */
export const en = {
  'otp.secretEmpty': 'The secret key is empty.',
  'otp.secretNotBase32': 'The secret key is not valid Base32: use only the letters A to Z and the digits 2 to 7.',
  'otp.secretTooShort': 'The secret key is too short to be a real key.',
  'otp.secretTooLong': 'The secret key is longer than {max} bits, longer than any real key.',
  'otp.secretWeak': 'The key of {name} has only {bits} bits, fewer than the {min} the standard (RFC 4226) asks for, so it is easier to guess. It was added; ask the issuer for a longer key if you can.',
  'otp.typeUnknown': 'Unknown code type “{type}”: expected TOTP (time-based) or HOTP (counter-based).',
  'otp.algorithmUnknown': 'Unknown algorithm “{algorithm}”: expected SHA1, SHA256 or SHA512.',
  'otp.digitsInvalid': 'A code must have 6, 7 or 8 digits, not “{digits}”.',
  'otp.periodInvalid': 'The period must be a whole number of seconds from 1 to {max}, not “{period}”.',
  'otp.counterMissing': 'This counter-based (HOTP) link has no counter.',
  'otp.counterInvalid': 'The counter must be a whole number from 0 to {max}, not “{counter}”.',
  'otp.labelInvalid': 'The issuer or account name contains characters that cannot be stored.',
  'otp.percentEscapeInvalid': 'The link is damaged: it contains an invalid %-escape.',
  'otp.labelHiddenCharacter':
    'The name “{name}” contains an invisible or control character ({character}). Such a character can make a name look like another one, so Tweestap does not accept it. Remove it, or type the name yourself.',
  'otp.uriMalformed': 'This is not a complete authenticator link (expected otpauth://totp/… or otpauth://hotp/…).',
  'otp.notOtpauth.migration':
    'This QR code holds a Google Authenticator export, not a single account: import it as an export.',
  'otp.notOtpauth.webLink': 'This QR code holds a web link, not an authenticator code.',
  'otp.notOtpauth.email': 'This QR code holds an e-mail address, not an authenticator code.',
  'otp.notOtpauth.phone': 'This QR code holds a phone number, not an authenticator code.',
  'otp.notOtpauth.sms': 'This QR code holds a text message, not an authenticator code.',
  'otp.notOtpauth.wifi': 'This QR code holds Wi-Fi network details, not an authenticator code.',
  'otp.notOtpauth.contact': 'This QR code holds a contact card, not an authenticator code.',
  'otp.notOtpauth.text': 'This QR code holds plain text, not an authenticator code.',
  'otp.notOtpauth.empty': 'This QR code is empty.',
  'otp.timeInvalid': 'The time must be a moment on or after 1 January 1970.',
  'otp.windowInvalid': 'The window must be a whole number from 0 to {max}.',
  'otp.codeMalformed': 'Enter the code as {digits} digits.',
  'otp.notTotp': 'This account is counter-based (HOTP); it has no time-based codes.',
  'otp.notHotp': 'This account is time-based (TOTP); it has no counter-based codes.',
  'otp.notMigration': 'This is a single authenticator account, not a Google Authenticator export: add it as an account.',
  'otp.migrationDataMissing': 'This Google Authenticator export link has no data.',
  'otp.migrationMalformed': 'This Google Authenticator export is damaged or incomplete; scan it again.',
  'otp.migrationEmpty': 'This Google Authenticator export holds no accounts.',
  'otp.migrationAlgorithmUnsupported': '“{name}” uses the {algorithm} algorithm, which Tweestap does not support.',
  'otp.migrationDigitsUnknown': '“{name}” uses a code length Tweestap does not know.',
  'otp.migrationTypeUnknown': '“{name}” uses a code type Tweestap does not know.',
  'otp.migrationDigitsNotExportable':
    '“{name}” has {digits}-digit codes, which a Google Authenticator export cannot carry.',
  'otp.migrationPartInvalid': 'This export QR code says it is part {part} of {total}, which cannot be.',
  'otp.migrationOtherBatch':
    'This QR code belongs to a different Google Authenticator export. Finish scanning the first export, or close this window to start again.',
  'otp.migrationIncomplete': '{scanned} of {total} QR codes of this export are scanned; scan the rest before importing.',
  'otp.migrationBatchIdInvalid': 'The export batch id must be a whole number that fits in 32 bits.',
  'otp.migrationPerQrInvalid': 'The number of accounts per QR code must be a whole number from 1 to {max}.',
  'otp.migrationPeriodExport':
    '“{name}” changes every {period} seconds, but a Google Authenticator export cannot carry that: the receiving app will assume 30 seconds. Check its codes there, or move it with its own link instead.',
  'otp.migrationPeriodImport':
    '“{name}” changed every {period} seconds here, but the export does not say so and it was imported with 30 seconds. Check that its codes are accepted.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'otp.secretEmpty': 'De geheime sleutel is leeg.',
  'otp.secretNotBase32':
    'De geheime sleutel is geen geldige Base32: gebruik alleen de letters A tot en met Z en de cijfers 2 tot en met 7.',
  'otp.secretTooShort': 'De geheime sleutel is te kort om een echte sleutel te zijn.',
  'otp.secretTooLong': 'De geheime sleutel is langer dan {max} bits, langer dan welke echte sleutel ook.',
  'otp.secretWeak': 'De sleutel van {name} heeft maar {bits} bits, minder dan de {min} die de standaard (RFC 4226) vraagt, dus hij is makkelijker te raden. Het account is toegevoegd; vraag de uitgever zo mogelijk om een langere sleutel.',
  'otp.typeUnknown': 'Onbekend soort code “{type}”: verwacht TOTP (op tijd) of HOTP (met teller).',
  'otp.algorithmUnknown': 'Onbekend algoritme “{algorithm}”: verwacht SHA1, SHA256 of SHA512.',
  'otp.digitsInvalid': 'Een code heeft 6, 7 of 8 cijfers, niet “{digits}”.',
  'otp.periodInvalid': 'De periode moet een geheel aantal seconden van 1 tot en met {max} zijn, niet “{period}”.',
  'otp.counterMissing': 'Deze link met teller (HOTP) heeft geen tellerstand.',
  'otp.counterInvalid': 'De tellerstand moet een geheel getal van 0 tot en met {max} zijn, niet “{counter}”.',
  'otp.labelInvalid': 'De naam van de dienst of het account bevat tekens die niet bewaard kunnen worden.',
  'otp.percentEscapeInvalid': 'De link is beschadigd: er staat een ongeldige %-code in.',
  'otp.labelHiddenCharacter':
    'De naam “{name}” bevat een onzichtbaar teken of stuurteken ({character}). Zo’n teken kan een naam op een andere laten lijken, daarom neemt Tweestap hem niet over. Haal het teken weg, of typ de naam zelf.',
  'otp.uriMalformed': 'Dit is geen volledige authenticatielink (verwacht otpauth://totp/… of otpauth://hotp/…).',
  'otp.notOtpauth.migration':
    'Deze QR-code bevat een export uit Google Authenticator, niet één account: importeer hem als export.',
  'otp.notOtpauth.webLink': 'Deze QR-code bevat een weblink, geen code voor een authenticatie-app.',
  'otp.notOtpauth.email': 'Deze QR-code bevat een e-mailadres, geen code voor een authenticatie-app.',
  'otp.notOtpauth.phone': 'Deze QR-code bevat een telefoonnummer, geen code voor een authenticatie-app.',
  'otp.notOtpauth.sms': 'Deze QR-code bevat een sms-bericht, geen code voor een authenticatie-app.',
  'otp.notOtpauth.wifi': 'Deze QR-code bevat wifi-gegevens, geen code voor een authenticatie-app.',
  'otp.notOtpauth.contact': 'Deze QR-code bevat een visitekaartje, geen code voor een authenticatie-app.',
  'otp.notOtpauth.text': 'Deze QR-code bevat gewone tekst, geen code voor een authenticatie-app.',
  'otp.notOtpauth.empty': 'Deze QR-code is leeg.',
  'otp.timeInvalid': 'Het tijdstip moet op of na 1 januari 1970 liggen.',
  'otp.windowInvalid': 'Het venster moet een geheel getal van 0 tot en met {max} zijn.',
  'otp.codeMalformed': 'Vul de code in als {digits} cijfers.',
  'otp.notTotp': 'Dit account werkt met een teller (HOTP); het heeft geen codes op tijd.',
  'otp.notHotp': 'Dit account werkt op tijd (TOTP); het heeft geen codes met teller.',
  'otp.notMigration': 'Dit is één account voor een authenticatie-app, geen export uit Google Authenticator: voeg het toe als account.',
  'otp.migrationDataMissing': 'Deze exportlink uit Google Authenticator bevat geen gegevens.',
  'otp.migrationMalformed': 'Deze export uit Google Authenticator is beschadigd of onvolledig; scan hem opnieuw.',
  'otp.migrationEmpty': 'Deze export uit Google Authenticator bevat geen accounts.',
  'otp.migrationAlgorithmUnsupported': '“{name}” gebruikt het algoritme {algorithm}, dat Tweestap niet ondersteunt.',
  'otp.migrationDigitsUnknown': '“{name}” gebruikt een codelengte die Tweestap niet kent.',
  'otp.migrationTypeUnknown': '“{name}” gebruikt een soort code die Tweestap niet kent.',
  'otp.migrationDigitsNotExportable':
    '“{name}” heeft codes van {digits} cijfers; die passen niet in een export voor Google Authenticator.',
  'otp.migrationPartInvalid': 'Deze export-QR-code zegt deel {part} van {total} te zijn, en dat kan niet.',
  'otp.migrationOtherBatch':
    'Deze QR-code hoort bij een andere export uit Google Authenticator. Scan eerst de rest van de eerste export, of sluit dit venster om opnieuw te beginnen.',
  'otp.migrationIncomplete':
    '{scanned} van de {total} QR-codes van deze export zijn gescand; scan de rest voordat je importeert.',
  'otp.migrationBatchIdInvalid': 'Het nummer van de export moet een geheel getal zijn dat in 32 bits past.',
  'otp.migrationPerQrInvalid': 'Het aantal accounts per QR-code moet een geheel getal van 1 tot en met {max} zijn.',
  'otp.migrationPeriodExport':
    '“{name}” ververst elke {period} seconden, maar een export voor Google Authenticator kan dat niet meegeven: de andere app gaat uit van 30 seconden. Controleer daar de codes, of zet het account over met zijn eigen link.',
  'otp.migrationPeriodImport':
    '“{name}” verversde hier elke {period} seconden, maar de export vermeldt dat niet en het is geïmporteerd met 30 seconden. Controleer of de codes worden geaccepteerd.',
};
