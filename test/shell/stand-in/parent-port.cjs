/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded by `node --require` or as an Electron main script */
/**
 * Follows docs/api/parent-port.md (Electron 45): `process.parentPort` in a utility process, here a
 * Node child started by ./utility-process.ts with `child_process.fork` (structured-clone
 * `advanced` serialization). Messages arrive as `{ data, ports }` and are queued until a
 * 'message' listener is registered, as the doc says. The child ends when its parent goes, as a
 * utility process ends with its app.
 */
'use strict';
const { EventEmitter } = require('node:events');

const parentPort = new EventEmitter();
const queued = [];
parentPort.postMessage = (message) => {
  if (process.connected) process.send(message);
};
parentPort.on('newListener', (event) => {
  if (event !== 'message') return;
  // After the listener is added, hand it what came before.
  setImmediate(() => queued.splice(0).forEach((messageEvent) => parentPort.emit('message', messageEvent)));
});
process.on('message', (data) => {
  const messageEvent = { data, ports: [] };
  if (parentPort.listenerCount('message') === 0) queued.push(messageEvent);
  else parentPort.emit('message', messageEvent);
});
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: parentPort, enumerable: true });
Object.defineProperty(process, 'type', { value: 'utility', enumerable: true });
