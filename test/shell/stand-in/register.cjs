/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded by `node --require` or as an Electron main script */
/**
 * `node --require test/shell/stand-in/register.cjs dist/electron/main.cjs`: makes
 * `require('electron')` return the stand-in (./index.ts, compiled by tsx in its own namespace so
 * that main.cjs and node_modules load untouched), as Electron's own module loader would.
 * Test-only; never packaged.
 */
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { register } = require('tsx/cjs/api');

const tsx = register({ namespace: 'electron-stand-in' });
const standIn = tsx.require('./index.ts', __filename);

// A cache entry under a name no file has: require('electron') resolves to it and gets the stand-in.
const ELECTRON_ID = path.join(__dirname, '<electron stand-in>');
const entry = new Module(ELECTRON_ID);
entry.filename = ELECTRON_ID;
entry.loaded = true;
entry.exports = standIn.electron;
require.cache[ELECTRON_ID] = entry;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron' || request === 'electron/main') return ELECTRON_ID;
  return resolveFilename.call(this, request, ...rest);
};

standIn.start();
