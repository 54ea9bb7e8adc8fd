/**
 * The code the start-up cache key covers, found from the sources: what the scanner reads as an
 * import, the graph of the real build, and the key's response to edited, outside, moved and
 * missing modules.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MODULE } from '../../src/knowledge/build.js';
import { fingerprintOf, moduleGraph, referencesOf } from '../../src/knowledge/module-graph.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const ROOT = path.dirname(SRC.replace(/\/$/, ''));
/** The roots the cache uses: the build and the cache module (relative to a src folder). */
const rootsIn = (src: string) => [path.join(src, 'knowledge/build.ts'), path.join(src, 'knowledge/knowledge-cache.ts')];

describe('GIVEN sources with imports among comments, strings, templates and regular expressions', () => {
  it('WHEN scanned THEN only real imports and module-relative files are found', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export * from './c.js';",
      "import './side-effect.js';",
      "// import { no } from './commented.js';",
      "/* import('./block-commented.js') */",
      "const s = \"import x from './in-a-string.js'\";",
      "const t = `import y from './in-a-template.js' ${s} and ' quote`;",
      "const r = /['\"`]import\\//u.test(s) ? 1 : 2 / 3;",
      "const lazy = await import('./lazy.js');",
      "const list = Array.from('abc');",
      "const file = new URL('./data/file.tsv', import.meta.url);",
      "const any = new URL(`./data/${t}`, import.meta.url);",
    ].join('\n');
    expect(referencesOf(source)).toEqual({
      imports: ['./a.js', '../b.js', './c.js', './side-effect.js', './lazy.js'],
      assets: [
        { spec: './data/file.tsv', templated: false },
        { spec: './data/', templated: true },
      ],
    });
  });

  it('WHEN every file under src/ is scanned THEN it finds exactly the imports TypeScript finds', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const source = readFileSync(path.join(SRC, file), 'utf8');
      const expected = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
      expect({ file, imports: [...referencesOf(source).imports].sort() }).toEqual({ file, imports: [...expected].sort() });
    }
  });
});

describe('GIVEN the knowledge base build and the cache module', () => {
  const graph = moduleGraph([BUILD_MODULE, ...rootsIn(SRC).slice(1)]);
  const relative = graph.modules.map((m) => path.relative(ROOT, m));

  it('WHEN their graph is followed THEN it holds what they import transitively, and no answer or surface', () => {
    for (const module of ['src/knowledge/build.ts', 'src/knowledge/knowledge-cache.ts', 'src/text/numbers.ts', 'src/search/postings.ts', 'src/corpus/load.ts', 'src/text/fold.ts']) expect(relative).toContain(module);
    expect(relative.filter((m) => /^src\/(answers|commands|discord|terminal|render|entry|health)\//.test(m))).toEqual([]);
    expect(graph.packages.map((p) => p.replace(/@[^@]*$/, ''))).toEqual(expect.arrayContaining(['@orama/stemmers', 'chrono-node', 'minisearch']));
  });
});

describe('GIVEN a copy of src/', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'recoupe-graph-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const src = path.join(work, 'src');
  cpSync(SRC, src, { recursive: true });
  // Packages are found as Node finds them, in a node_modules folder above the module.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));
  const roots = rootsIn(src);
  const before = fingerprintOf(roots);

  /** The fingerprint with `file` changed by `edit`, then put back. */
  function fingerprintWith(file: string, edit: (text: string) => string): string {
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, edit(original));
    try {
      return fingerprintOf(roots);
    } finally {
      writeFileSync(file, original);
    }
  }

  it('WHEN one byte of any module of the graph changes THEN the fingerprint changes', () => {
    const modules = moduleGraph(roots).modules;
    expect(modules.length).toBeGreaterThan(20);
    for (const module of modules) expect({ module, changed: fingerprintWith(module, (t) => `${t} `) !== before }).toEqual({ module, changed: true });
    expect(fingerprintOf(roots)).toBe(before);
  });

  it('WHEN a module outside the graph changes THEN the fingerprint does not', () => {
    expect(fingerprintWith(path.join(src, 'answers/ask.ts'), (t) => `${t}\n// edited\n`)).toBe(before);
  });

  it('WHEN a module of the graph moves and its importers follow THEN the fingerprint changes', () => {
    const numbers = path.join(src, 'text/numbers.ts');
    const importers = moduleGraph(roots).modules.filter((m) => readFileSync(m, 'utf8').includes('/numbers.js'));
    expect(importers.length).toBeGreaterThan(0);
    const originals = importers.map((m) => readFileSync(m, 'utf8'));
    renameSync(numbers, path.join(src, 'text/figures.ts'));
    importers.forEach((m, i) => writeFileSync(m, (originals[i] as string).replaceAll('/numbers.js', '/figures.js')));
    try {
      expect(moduleGraph(roots).modules).toContain(path.join(src, 'text/figures.ts'));
      expect(fingerprintOf(roots)).not.toBe(before);
    } finally {
      renameSync(path.join(src, 'text/figures.ts'), numbers);
      importers.forEach((m, i) => writeFileSync(m, originals[i] as string));
    }
    expect(fingerprintOf(roots)).toBe(before);
  });

  it('WHEN a module imports a file that is not there THEN following the graph throws, naming both', () => {
    const build = path.join(src, 'knowledge/build.ts');
    expect(() => fingerprintWith(build, (t) => `import './gone.js';\n${t}`)).toThrow(`${build} imports './gone.js', which is no file`);
  });

  it('WHEN a module reads a file next to itself that is not there THEN following the graph throws', () => {
    const build = path.join(src, 'knowledge/build.ts');
    expect(() => fingerprintWith(build, (t) => `${t}\nexport const GONE = new URL('./data/gone.tsv', import.meta.url);\n`)).toThrow(`${build} reads './data/gone.tsv', which is no file`);
  });
});
