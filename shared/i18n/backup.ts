/**
 * Messages of the backup area (Tweestap's encrypted backup, and imports of other authenticators'
 * exports). Keys are `backup.*` and `import.*`; `nl` must translate every key of `en`. No message
 * ever holds a secret or a password: params are format versions, entry numbers, cost settings.
 */
export const en = {
  'backup.passwordEmpty': 'Choose a password for the backup.',
  'backup.accountInvalid': 'Account {index} cannot be put in a backup: it is incomplete or invalid.',
  'backup.tooManyAccounts': 'A backup holds at most {max} accounts; there are {count}.',
  'backup.notBackup': 'This is not a Tweestap backup file.',
  'backup.truncated': 'This backup file is incomplete: it was cut off. Copy it again from where you saved it.',
  'backup.damaged': 'This backup file is damaged or was changed, so it cannot be read.',
  'backup.newerVersion':
    'This backup was made by a newer Tweestap (backup format {version}). Update Tweestap to restore it.',
  'backup.unsafeKdf':
    'The file asks for password-protection settings outside the safe range (N {N}, r {r}, p {p}), so it was not opened. It was not made by Tweestap, or it was changed.',
  'backup.kdfTooCostly':
    'The file asks for {count} password checks that together would take too long, so it was not opened. It was not made by Tweestap, or it was changed.',
  'backup.wrongPassword': 'Wrong password, or the backup file was changed. Nothing was restored.',
  'backup.contentInvalid':
    'The backup opened, but its content is not valid (account {index}). It was not made by this version of Tweestap, or it is damaged. Nothing was restored.',
  'backup.tooLarge': 'The file is too large ({size} bytes; at most {max}) to be a backup or an export.',
  'import.unknownFormat':
    'Tweestap does not recognise this file. It imports lists of otpauth:// links, Aegis exports, 2FAS exports and Tweestap backups.',
  'import.passwordRequired': 'This file is encrypted: enter its password to import it.',
  'import.notText': 'This file is not readable text (expected UTF-8).',
  'import.noAccounts': 'The file holds no accounts that Tweestap can import.',
  'import.lineNotOtpauth': 'This line is not an otpauth:// or otpauth-migration:// link.',
  'import.entryInvalid': 'This entry is incomplete or invalid.',
  'import.entryTypeUnsupported': 'This entry is of type “{type}”, which Tweestap does not support.',
  'import.entrySteam': 'This is a Steam Guard entry; Steam codes are not supported.',
  'import.aegis.malformed': 'This Aegis export is damaged or not in Aegis’s published vault format.',
  'import.aegis.newerVersion':
    'This Aegis export uses a newer format ({part} version {version}) than Tweestap knows. Export it from Aegis as plain text or update Tweestap.',
  'import.aegis.noPasswordSlot':
    'This Aegis vault can only be unlocked with a key Tweestap does not have (for example biometrics). Export it from Aegis with a password.',
  'import.aegis.wrongPassword': 'Wrong password for this Aegis export, or the file was changed.',
  'import.twofas.malformed': 'This 2FAS export is damaged or not in the 2FAS backup format.',
  'import.twofas.wrongPassword': 'Wrong password for this 2FAS export, or the file was changed.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'backup.passwordEmpty': 'Kies een wachtwoord voor de back-up.',
  'backup.accountInvalid': 'Account {index} kan niet in een back-up: het is onvolledig of ongeldig.',
  'backup.tooManyAccounts': 'Een back-up bevat hoogstens {max} accounts; er zijn er {count}.',
  'backup.notBackup': 'Dit is geen back-up van Tweestap.',
  'backup.truncated':
    'Deze back-up is onvolledig: het bestand is afgebroken. Kopieer het opnieuw van de plek waar je het bewaarde.',
  'backup.damaged': 'Deze back-up is beschadigd of gewijzigd en kan niet gelezen worden.',
  'backup.newerVersion':
    'Deze back-up is gemaakt door een nieuwere Tweestap (formaat {version}). Werk Tweestap bij om hem terug te zetten.',
  'backup.unsafeKdf':
    'Het bestand vraagt om wachtwoordbeveiliging buiten het veilige bereik (N {N}, r {r}, p {p}) en is daarom niet geopend. Het is niet door Tweestap gemaakt, of het is gewijzigd.',
  'backup.kdfTooCostly':
    'Het bestand vraagt om {count} wachtwoordcontroles die samen te lang zouden duren en is daarom niet geopend. Het is niet door Tweestap gemaakt, of het is gewijzigd.',
  'backup.wrongPassword': 'Verkeerd wachtwoord, of de back-up is gewijzigd. Er is niets teruggezet.',
  'backup.contentInvalid':
    'De back-up is geopend, maar de inhoud is ongeldig (account {index}). Hij is niet door deze versie van Tweestap gemaakt, of hij is beschadigd. Er is niets teruggezet.',
  'backup.tooLarge': 'Het bestand is te groot ({size} bytes; hoogstens {max}) voor een back-up of export.',
  'import.unknownFormat':
    'Tweestap herkent dit bestand niet. Het importeert lijsten met otpauth://-links, exports van Aegis en 2FAS, en back-ups van Tweestap.',
  'import.passwordRequired': 'Dit bestand is versleuteld: vul het wachtwoord in om het te importeren.',
  'import.notText': 'Dit bestand is geen leesbare tekst (verwacht UTF-8).',
  'import.noAccounts': 'Het bestand bevat geen accounts die Tweestap kan importeren.',
  'import.lineNotOtpauth': 'Deze regel is geen otpauth://- of otpauth-migration://-link.',
  'import.entryInvalid': 'Dit item is onvolledig of ongeldig.',
  'import.entryTypeUnsupported': 'Dit item is van het soort “{type}”, dat Tweestap niet ondersteunt.',
  'import.entrySteam': 'Dit is een Steam Guard-item; codes voor Steam worden niet ondersteund.',
  'import.aegis.malformed': 'Deze Aegis-export is beschadigd of niet in het gepubliceerde formaat van Aegis.',
  'import.aegis.newerVersion':
    'Deze Aegis-export gebruikt een nieuwer formaat ({part} versie {version}) dan Tweestap kent. Exporteer hem uit Aegis als platte tekst of werk Tweestap bij.',
  'import.aegis.noPasswordSlot':
    'Deze Aegis-kluis kan alleen worden geopend met een sleutel die Tweestap niet heeft (bijvoorbeeld biometrie). Exporteer hem uit Aegis met een wachtwoord.',
  'import.aegis.wrongPassword': 'Verkeerd wachtwoord voor deze Aegis-export, of het bestand is gewijzigd.',
  'import.twofas.malformed': 'Deze 2FAS-export is beschadigd of niet in het back-upformaat van 2FAS.',
  'import.twofas.wrongPassword': 'Verkeerd wachtwoord voor deze 2FAS-export, of het bestand is gewijzigd.',
};
