// The type configurations separate the layers too: the renderer is typed for a
// browser (no Node globals) and the Node side for Node (no DOM). A probe file is
// compiled with each project's options exactly as `npm run typecheck` would.
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function parseProject(project: string): ts.ParsedCommandLine {
  const file = resolve(root, project);
  const read = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(file));
}
const compilerOptions = (project: string): ts.CompilerOptions => parseProject(project).options;

/** Type errors of `code` as if it were the file `path` of `project`. */
function typeErrors(project: string, path: string, code: string): string[] {
  const options = { ...compilerOptions(project), composite: false, noEmit: true };
  const probe = resolve(root, path);
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (resolve(name) === probe ? code : readFile(name));
  host.fileExists = (name) => resolve(name) === probe || fileExists(name);
  host.getSourceFile = (name, language, ...rest) =>
    resolve(name) === probe ? ts.createSourceFile(name, code, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([probe], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('typecheck per layer', () => {
  it.each([
    ['process', 'export const env = process.env.AUZAP_TOKEN;\n', /Cannot find name 'process'/],
    ['Buffer', "export const bytes = Buffer.from('x');\n", /Cannot find name 'Buffer'/],
  ])('the renderer cannot use Node’s %s', (_name, code, expected) => {
    const errors = typeErrors('tsconfig.web.json', 'src/renderer/src/probe.ts', code);
    expect(errors.some((e) => expected.test(e))).toBe(true);
  });

  it.each([
    ['src/core/probe.ts', 'export const title = document.title;\n'],
    ['src/shared/probe.ts', 'export const width = window.innerWidth;\n'],
    ['src/host-web/probe.ts', "export const stored = localStorage.getItem('x');\n"],
  ])('%s cannot use the DOM', (path, code) => {
    const errors = typeErrors('tsconfig.node.json', path, code);
    expect(errors.some((e) => /Cannot find name '(document|window|localStorage)'/.test(e))).toBe(true);
  });

  it('every source file is checked by the config of its side', () => {
    const node = new Set(parseProject('tsconfig.node.json').fileNames);
    const web = new Set(parseProject('tsconfig.web.json').fileNames);
    const sources = ts.sys.readDirectory(resolve(root, 'src'), ['.ts', '.tsx']);
    const unchecked = sources.filter((file) => !node.has(file) && !web.has(file));
    expect(unchecked).toEqual([]);
    const renderer = sources.filter((file) => file.includes('/src/renderer/'));
    expect(renderer.length).toBeGreaterThan(0);
    expect(renderer.filter((file) => node.has(file) || !web.has(file))).toEqual([]);
  });

  it('the same code type-checks where it belongs', () => {
    expect(typeErrors('tsconfig.web.json', 'src/renderer/src/probe.ts', 'export const t = document.title;\n')).toEqual(
      [],
    );
    expect(typeErrors('tsconfig.node.json', 'src/core/probe.ts', 'export const e = process.env.HOME;\n')).toEqual([]);
  });
});
