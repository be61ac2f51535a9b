// Preloaded (NODE_OPTIONS=--require) into Electron's install script by electron-binary.ts.
// @electron/get downloads with the global fetch, whose failure reads only "fetch failed":
// the reason a person can act on (DNS, refused, TLS, timeout) is in `error.cause`, which
// the install script's stack trace leaves out. This prints it on one marked stderr line.
'use strict';
const MARK = '[auzap:download-error]';
const original = globalThis.fetch;
if (typeof original === 'function') {
  globalThis.fetch = async function fetchReportingCause(...args) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      const cause = error && error.cause;
      const detail = cause ? cause.message || String(cause) : error && error.message;
      if (detail) process.stderr.write(`${MARK} ${String(detail).split('\n')[0]}\n`);
      throw error;
    }
  };
}
