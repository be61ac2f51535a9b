// `node --import ./register.mjs out/main/index.js`: every `electron` the main process
// loads — its own ESM imports and the CommonJS require() of electron-updater — is the
// stand-in in electron.mjs.
import { Module, register } from 'node:module';

register('./hooks.mjs', import.meta.url);
const fake = await import('./electron.mjs');
const load = Module._load;
Module._load = function loadWithFakeElectron(request, ...rest) {
  return request === 'electron' ? fake.default : load.call(this, request, ...rest);
};
