// ESLint flat config: zero warnings allowed (npm run lint). Layering rules keep each runtime pure.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One layer's import rule: no relative import into the `forbiddenFolders` (top-level folders of
 * the repository) and none of the `forbiddenModules` (package names or patterns).
 */
function layer(files, forbiddenFolders, forbiddenModules, extraPatterns = []) {
  const into = forbiddenFolders.join('|');
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            // Package names exactly (a pattern `electron` would also match the folder electron/).
            paths: forbiddenModules.filter((name) => !name.includes('*')).map((name) => ({ name, message: `${files.split('/')[0]}/ must not use ${name} (docs/architecture.md).` })),
            patterns: [
              ...forbiddenModules.filter((name) => name.includes('*')).map((group) => ({ group: [group], message: `${files.split('/')[0]}/ must not use ${group} (docs/architecture.md).` })),
              { regex: `^(\\.\\./)+(${into})(/|$)`, message: `${files.split('/')[0]}/ must not import from ${forbiddenFolders.join(', ')} (docs/architecture.md).` },
              ...extraPatterns,
            ],
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'release/', '.tsbuild/', 'node_modules/', '.bench-fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  // The layers (docs/architecture.md), enforced here as VS Code and Signal enforce theirs:
  //   shared/ (pure) ← node/ (Node, never Electron) ← hosts: electron/, cli/, preview/
  //   renderer/ reaches shared/ only. Hosts never import one another.
  ...layer('shared/**/*.ts', ['node', 'electron', 'cli', 'preview', 'renderer'], ['node:*', 'electron', 'react', 'react-dom', 'keytar']),
  ...layer('node/**/*.ts', ['electron', 'cli', 'preview', 'renderer'], ['electron']),
  ...layer('electron/**/*.ts', ['cli', 'preview', 'renderer'], []),
  ...layer('cli/**/*.ts', ['electron', 'preview', 'renderer'], ['electron']),
  ...layer('preview/**/*.ts', ['electron', 'cli', 'renderer'], ['electron']),
  ...layer('renderer/**/*.{ts,tsx}', ['node', 'electron', 'cli', 'preview'], ['node:*', 'electron', 'keytar'], [
    // Keys are parsed and codes made in main: the OTP barrel and its heavy modules (otpauth,
    // protobufjs, @noble/hashes) stay out of the window's bundle (npm test checks its budget).
    { regex: '^(\\.\\./)+shared/otp(/(index|secret|codes|migration|migration-schema|uri))?$', message: 'The renderer imports only the light modules of shared/otp (qr-text, label, uri-labels, types).' },
    // The whole message catalogue (and the CLI's and main's own messages) stays in main: the
    // window has shared/i18n/window (as data: renderer/i18n/catalogue.ts) and locale.
    { regex: '^(\\.\\./)+shared/i18n(/(?!(window|locale)$)[\\w.-]+)?$', message: "The renderer imports only the window's messages (shared/i18n/window, locale; docs/architecture.md)." },
  ]),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
