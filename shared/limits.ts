/**
 * Every length and size limit, once. The vault, the API validation, the importers, backups and
 * the CLI all take them from here, so what one layer accepts another never refuses.
 */

/** Longest issuer or account name. */
export const MAX_LABEL_LENGTH = 256;
/** Longest account id: the vault's ids are 16 hex characters; the vault schema allows 64. */
export const MAX_ID_LENGTH = 64;
/** Longest `otpauth://` or `otpauth-migration://` text accepted (a large migration part fits). */
export const MAX_URI_LENGTH = 4096;
/** Longest secret as typed (Base32 with spaces; 512 bytes of key is far beyond any portal). */
export const MAX_SECRET_INPUT_LENGTH = 1024;
/** Most accounts in a vault, a backup or one call. */
export const MAX_ACCOUNTS = 10_000;
/** Longest global shortcut accelerator. */
export const MAX_SHORTCUT_LENGTH = 100;
/** Longest backup or import password (far beyond any passphrase a person types). */
export const MAX_PASSWORD_LENGTH = 1024;
/** Largest backup or import file read. */
export const MAX_BACKUP_BYTES = 16 * 1024 * 1024;
/** Longest Base64 text of an imported file: the largest file the importers read, encoded. */
export const MAX_IMPORT_BASE64_LENGTH = 4 * Math.ceil(MAX_BACKUP_BYTES / 3);
