// Which Node runs the tests, the build and packaging (the app itself runs on the Node
// inside Electron, whatever is installed). Run by .ci/run before `npm ci`, so plain
// CommonJS with no dependencies, and understandable on an old Node.
//
// ^20.19.0 || >=22.12.0 — package.json's engines — because the Electron download
// (electron's install.js) require()s @electron/get 5, an ES module: Node loads an ES
// module through require() from 20.19 and from 22.12 on. electron 45, @electron/get 5 and
// @electron/rebuild 4.2 declare >= 22.12 (npm prints EBADENGINE warnings on 20.x); on
// 20.19+ the download runs to the network and packaging (--dir, deb up to fpm) works —
// both are exercised by the tests on Node 20.20.
'use strict';

function supported(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 12;
  return major > 22;
}

module.exports = { supported };

if (require.main === module) {
  if (!supported(process.versions.node)) {
    console.error(
      `Node ${process.versions.node} is too old for this project: use Node 20.19+ (22.12+ recommended), as package.json's engines says.`,
    );
    process.exit(1);
  }
  console.log(`Node ${process.versions.node}: supported.`);
}
