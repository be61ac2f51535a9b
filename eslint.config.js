// Lint, including the architecture: each layer may import only what DESIGN.md allows,
// so a wrong import fails CI instead of a review.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const NODE = 'node:*';

/** Bans the node built-ins by exact name (a pattern would also catch ./events) plus the given globs. */
const restrict = (patterns, message, { node = true } = {}) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: node ? NODE_BUILTINS.map((name) => ({ name, message })) : [],
      patterns: [{ group: patterns, message }],
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      [
        NODE,
        'electron',
        'socket.io*',
        'react*',
        '**/main/**',
        '**/renderer/**',
        '**/preload/**',
        '**/simulator/**',
        '**/host-web/**',
      ],
      'src/shared is pure TypeScript: no node, electron, DOM or app layers.',
    ),
  },
  {
    files: ['src/core/**'],
    rules: restrict(
      [
        'electron',
        'electron/*',
        'react*',
        '**/main/**',
        '**/renderer/**',
        '**/preload/**',
        '**/host-web/**',
        '**/simulator/**',
      ],
      'src/core is host-agnostic: never electron or a host; reach OS services through ports.',
      { node: false },
    ),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(
      [NODE, 'zod', 'socket.io*', 'react*', '**/main/**', '**/renderer/**', '**/simulator/**'],
      'The sandboxed preload may only use electron and the shared channel list.',
    ),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this app does not use (TanStack Virtual is fine without it).
      'react-hooks/incompatible-library': 'off',
      ...restrict(
        [
          NODE,
          'electron',
          'electron/*',
          'socket.io*',
          'engine.io*',
          'ws',
          'node-notifier',
          'electron-store',
          'conf',
          '**/main/**',
          '**/preload/**',
          '**/simulator/**',
          '**/host-web/**',
        ],
        'The renderer never touches the network or node: use the bridge (src/shared/bridge).',
      ),
    },
  },
  {
    files: ['src/host-web/bridge-script/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/simulator/**'],
    rules: restrict(
      ['electron', 'react*', '**/main/**', '**/renderer/**', '**/preload/**', '**/host-web/**'],
      'The simulator is a fake backend: it knows only the shared contract.',
      { node: false },
    ),
  },
);
