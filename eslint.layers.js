// The architecture as a lint rule: every folder of src is a layer, and each layer lists
// what it may import. Anything else is refused, whether it is imported, re-exported,
// require()d or import()ed; relative paths are resolved first, so `../../main/shell/tray`
// from the core is caught like `electron` is. Node built-ins are recognised from
// node:module's builtinModules (eslint-plugin-boundaries), not from a hand-written list.
import boundaries from 'eslint-plugin-boundaries';

/** Single files with a role of their own inside a layer. */
const FILES = [
  // Shared modules without dependencies: the sandboxed preload and the browser bridge
  // script may load them (the rest of src/shared brings zod along).
  { category: 'dependency-free', pattern: 'src/shared/{bridge-channels,listeners}.ts' },
  // The browser host's wire format: both ends of its bridge socket use it.
  { category: 'web-wire', pattern: 'src/host-web/wire.ts' },
  // The simulator as each host starts it for demo mode; the rest of the simulator is private.
  { category: 'demo-backend', pattern: 'src/simulator/demo-backend.ts' },
  // Build configuration that happens to live next to the code it builds (runs in Node).
  { category: 'build-config', pattern: 'src/**/vite.config.ts' },
];

/**
 * Layer → what it may import: `layers` (values and types), `typesFrom` (types only:
 * erased at build time), `files` (single files above), npm `packages`, `node` built-ins.
 * The order matters: a file belongs to the first folder that contains it.
 */
const LAYERS = [
  // src/shared is the pure contract: zod and TypeScript only, no Node, DOM, Electron or app layer;
  // its i18n formats with FormatJS and formats phone numbers with libphonenumber-js (both pure).
  {
    type: 'shared',
    pattern: 'src/shared',
    packages: ['zod', 'intl-messageformat', 'libphonenumber-js'],
  },
  // src/core is host-agnostic: never Electron, a host or the simulator; OS services come in through ports.
  {
    type: 'core',
    pattern: 'src/core',
    layers: ['shared'],
    packages: ['zod', 'socket.io-client', 'conf', 'node-notifier'],
    node: true,
  },
  // The Electron shell adapts Electron to the core; it never reaches back into src/main/index.
  {
    type: 'electron-shell',
    pattern: 'src/main/shell',
    layers: ['core', 'shared'],
    packages: ['electron', 'electron-updater', 'electron-store', 'electron-log'],
    node: true,
  },
  // The Electron host wires its shell to the core.
  {
    type: 'electron-main',
    pattern: 'src/main',
    layers: ['electron-shell', 'core', 'shared'],
    files: ['demo-backend'],
    packages: ['electron'],
    node: true,
  },
  // The sandboxed preload loads only electron and the dependency-free channel list.
  {
    type: 'preload',
    pattern: 'src/preload',
    files: ['dependency-free'],
    typesFrom: ['shared'],
    packages: ['electron'],
  },
  // The renderer talks only to the bridge: no Node, no network, no host.
  {
    type: 'renderer',
    pattern: 'src/renderer',
    layers: ['shared'],
    packages: ['react', 'react-dom', '@tanstack/react-virtual', 'qrcode.react'],
  },
  // The browser bridge script runs in the page: channel list and wire format only.
  {
    type: 'bridge-script',
    pattern: 'src/host-web/bridge-script',
    files: ['dependency-free', 'web-wire'],
    typesFrom: ['shared'],
  },
  // The browser host wires the core to a WebSocket; it never imports Electron.
  {
    type: 'web-host',
    pattern: 'src/host-web',
    layers: ['core', 'shared'],
    files: ['demo-backend'],
    // tsx: the host runs from its sources, and so does its connection thread (connection-worker-bootstrap.mjs).
    packages: ['ws', 'zod', 'tsx'],
    node: true,
  },
  // The simulator is a fake backend: it knows only the shared contract.
  {
    type: 'simulator',
    pattern: 'src/simulator',
    layers: ['shared'],
    packages: ['socket.io', 'zod'],
    node: true,
  },
];

function policiesFor(layer) {
  const to = [{ element: { type: layer.type } }];
  if (layer.layers) to.push({ element: { types: layer.layers } });
  if (layer.files) to.push({ file: { categories: layer.files } });
  if (layer.packages) to.push({ module: { origin: 'external', source: layer.packages } });
  if (layer.node) to.push({ module: { origin: 'core' } });
  const policies = [{ from: { element: { type: layer.type } }, allow: { to } }];
  if (layer.typesFrom) {
    policies.push({
      from: { element: { type: layer.type } },
      allow: { to: { element: { types: layer.typesFrom } }, dependency: { kind: 'type' } },
    });
  }
  return policies;
}

export const layersConfig = {
  files: ['src/**/*.{ts,tsx,js,mjs}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    'boundaries/dependency-nodes': ['import', 'require', 'dynamic-import', 'export'],
    'boundaries/elements': LAYERS.map(({ type, pattern }) => ({ type, pattern })),
    'boundaries/files': FILES,
  },
  rules: {
    // A new folder in src must say which layer it is.
    'boundaries/no-unknown-files': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        // Packages and Node built-ins are checked too, and imports of files outside any layer.
        checkAllOrigins: true,
        checkUnknownLocals: true,
        policies: [
          ...LAYERS.flatMap(policiesFor),
          {
            from: { file: { categories: 'build-config' } },
            allow: { to: [{ module: { origin: 'core' } }, { module: { origin: 'external', source: 'vite' } }] },
          },
        ],
      },
    ],
  },
};
