/**
 * Rules of the layout that the compiler cannot see, read from every import of every file in src/.
 *
 * The layers, lowest first: the engine (src/answers, src/corpus, src/text, src/search,
 * src/commands, the knowledge base, src/knowledge, and the living corpus: src/store, src/live,
 * src/moderation; src/threads, how worker threads start and at what priority); the start-up
 * modules at the root of src/ (config.ts, load-engine.ts); shared rendering (src/render: the
 * bot's words, formatting, the "what differs" wording); the surfaces (src/discord, src/terminal,
 * src/health) and src/entry, where processes start and the surfaces are wired together.
 *
 * The rules, each an `it` below:
 * 1. the engine imports no surface and no shared rendering;
 * 2. the start-up modules import no surface and no shared rendering;
 * 3. shared rendering imports no surface;
 * 4. no surface imports another (discord ↛ terminal, terminal ↛ discord, health ↛ either);
 *    only src/entry imports a surface not its own, and nothing imports src/entry;
 * 5. nothing but src/discord and src/entry imports discord.js;
 * 6. no import cycle between folders;
 * 7. every file of src/ belongs to one of those layers (a new folder cannot escape the rules);
 * and none of them is vacuous: each flags a synthetic import that breaks it.
 * Then what is not about imports: one module sends every message, nothing retries by itself,
 * files stay small.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** One import: the importing file, and what it imports (a file under src/, or a package name). */
interface Import {
  readonly file: string;
  readonly target: string;
}

/** Static imports and re-exports (`import … from`, `export … from`, `import '…'`) at a line start, and `import('…')`. */
const IMPORT = /^(?:import|export)\s[^;]*?\bfrom\s*(['"])(.+?)\1|^import\s*(['"])(.+?)\3|\bimport\(\s*(['"])(.+?)\5\s*\)/gmsu;

/** Every import of a file: relative ones resolved to the `.ts` file under src/, others as written. */
function importsOf(file: string, source: string): Import[] {
  return [...source.matchAll(IMPORT)].map((m) => {
    const spec = m[2] ?? m[4] ?? m[6] ?? '';
    const target = spec.startsWith('.') ? normalize(join(dirname(file), spec)).replace(/\.js$/u, '.ts') : spec;
    return { file, target };
  });
}

type Layer = 'engine' | 'start-up' | 'shared rendering' | 'discord' | 'terminal' | 'health' | 'entry';

const LAYER_OF_FOLDER: Readonly<Record<string, Layer>> = {
  answers: 'engine',
  corpus: 'engine',
  text: 'engine',
  search: 'engine',
  commands: 'engine',
  knowledge: 'engine',
  store: 'engine',
  live: 'engine',
  moderation: 'engine',
  threads: 'engine',
  render: 'shared rendering',
  discord: 'discord',
  terminal: 'terminal',
  health: 'health',
  entry: 'entry',
};

const SURFACES: readonly Layer[] = ['discord', 'terminal', 'health', 'entry'];

/** `src/discord/render/payload.ts` → `discord`; a file at the root of src/ is its own folder (`config.ts`). */
function folderOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return undefined;
  return parts[1];
}

function layerOf(path: string): Layer | undefined {
  const folder = folderOf(path);
  if (folder === undefined) return undefined;
  if (folder.endsWith('.ts')) return 'start-up';
  return LAYER_OF_FOLDER[folder];
}

const isSurface = (layer: Layer | undefined): boolean => layer !== undefined && SURFACES.includes(layer);
const internal = (imports: readonly Import[]) => imports.filter((i) => i.target.startsWith('src/'));
const shown = (imports: readonly Import[]) => imports.map((i) => `${i.file} → ${i.target}`);

/**
 * Import cycles between folders (strongly connected components of more than one folder), each as
 * its folders and, to show where to cut, the first import of each folder into another of them.
 */
function folderCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Set<string>>();
  const example = new Map<string, Import>();
  for (const i of internal(imports)) {
    const from = folderOf(i.file);
    const to = folderOf(i.target);
    if (from === undefined || to === undefined || from === to) continue;
    edges.set(from, (edges.get(from) ?? new Set()).add(to));
    if (!example.has(`${from} ${to}`)) example.set(`${from} ${to}`, i);
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      for (const next of edges.get(stack.pop() as string) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return seen;
  };
  const cycles = new Set<string>();
  for (const folder of edges.keys()) {
    const fromHere = reach(folder);
    if (!fromHere.has(folder)) continue;
    const members = [...fromHere].filter((other) => reach(other).has(folder)).sort();
    const where = members.flatMap((from) => members.flatMap((to) => shown(example.has(`${from} ${to}`) ? [example.get(`${from} ${to}`) as Import] : [])));
    cycles.add(`${members.join(' ↔ ')} (${where.join(', ')})`);
  }
  return [...cycles];
}

/** The files of src/ and their imports. */
interface Graph {
  readonly files: readonly string[];
  readonly imports: readonly Import[];
}

/** Each rule: what breaks it (imports, cycles, files); empty when it holds. */
const RULES: ReadonlyArray<{ readonly name: string; readonly broken: (graph: Graph) => string[] }> = [
  {
    name: 'the engine (answers, corpus, text, search, commands, the knowledge base) imports no surface and no shared rendering',
    broken: ({ imports }) => shown(internal(imports).filter((i) => layerOf(i.file) === 'engine' && (isSurface(layerOf(i.target)) || layerOf(i.target) === 'shared rendering'))),
  },
  {
    name: 'the start-up modules at the root of src/ (config, load-engine) import no surface and no shared rendering',
    broken: ({ imports }) => shown(internal(imports).filter((i) => layerOf(i.file) === 'start-up' && (isSurface(layerOf(i.target)) || layerOf(i.target) === 'shared rendering'))),
  },
  {
    name: 'shared rendering (src/render) imports no surface',
    broken: ({ imports }) => shown(internal(imports).filter((i) => layerOf(i.file) === 'shared rendering' && isSurface(layerOf(i.target)))),
  },
  {
    name: 'no surface imports another (discord ↛ terminal, terminal ↛ discord, health ↛ either): only src/entry does, and nothing imports src/entry',
    broken: ({ imports }) =>
      shown(
        internal(imports).filter((i) => {
          const from = layerOf(i.file);
          const to = layerOf(i.target);
          return isSurface(from) && isSurface(to) && from !== to && from !== 'entry';
        }),
      ),
  },
  {
    name: 'nothing but src/discord and src/entry imports discord.js',
    broken: ({ imports }) => shown(imports.filter((i) => (i.target === 'discord.js' || i.target.startsWith('@discordjs/')) && layerOf(i.file) !== 'discord' && layerOf(i.file) !== 'entry')),
  },
  {
    name: 'no import cycle between folders (other than the known ones, being cut)',
    broken: ({ imports }) => folderCycles(imports),
  },
  {
    name: 'every file of src/ belongs to a layer',
    broken: ({ files }) => files.filter((f) => layerOf(f) === undefined),
  },
];

const SOURCES = files('src');
const IMPORTS: readonly Import[] = SOURCES.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

describe('GIVEN every import of every file in src/', () => {
  it('THEN the parser reads them: internal imports resolved to files that exist, packages by name', () => {
    const targets = internal(IMPORTS).map((i) => i.target);
    expect(targets.filter((t) => !SOURCES.includes(t))).toEqual([]);
    expect(IMPORTS.filter((i) => i.file === 'src/discord/render/payload.ts').map((i) => i.target)).toEqual(expect.arrayContaining(['discord.js', 'src/discord/limits.ts', 'src/render/messages.ts']));
    expect(internal(IMPORTS).length).toBeGreaterThan(200);
  });

  for (const rule of RULES) {
    it(`THEN ${rule.name}`, () => {
      expect(rule.broken({ files: SOURCES, imports: IMPORTS })).toEqual([]);
    });
  }
});

/** A graph of the given imports, each importing file listed. */
const graphOf = (...imports: Import[]): Graph => ({ files: [...new Set(imports.map((i) => i.file))], imports });

/** A synthetic graph breaking each rule, in RULES' order. */
const BREAKS: readonly Graph[] = [
  graphOf({ file: 'src/answers/ask.ts', target: 'src/render/messages.ts' }),
  graphOf({ file: 'src/config.ts', target: 'src/discord/limits.ts' }),
  graphOf({ file: 'src/render/format.ts', target: 'src/terminal/render.ts' }),
  graphOf({ file: 'src/terminal/render.ts', target: 'src/discord/render/safe-text.ts' }),
  graphOf({ file: 'src/answers/ask.ts', target: 'discord.js' }),
  graphOf({ file: 'src/answers/ask.ts', target: 'src/search/bm25.ts' }, { file: 'src/search/bm25.ts', target: 'src/answers/types.ts' }),
  { files: ['src/widgets/gadget.ts'], imports: [] },
];

describe('GIVEN a synthetic import that breaks a rule', () => {
  it.each(RULES.map((rule, n) => [rule.name, n] as const))('WHEN checked THEN "%s" flags it', (_name, n) => {
    const rule = RULES[n];
    const bad = BREAKS[n];
    expect(rule && bad).toBeTruthy();
    expect(rule?.broken(bad ?? graphOf()).length).toBeGreaterThan(0);
  });

  it('WHEN src/entry imports every surface THEN no rule flags it (entry is where surfaces are wired)', () => {
    const wiring = graphOf(...['src/discord/bot.ts', 'src/terminal/console.ts', 'src/health/server.ts', 'discord.js'].map((target) => ({ file: 'src/entry/main.ts', target })));
    expect(RULES.flatMap((rule) => rule.broken(wiring))).toEqual([]);
  });
});

describe('GIVEN the Discord adapter', () => {
  it('THEN only src/discord/respond.ts answers interactions (reply, editReply, update, followUp, defer, respond)', () => {
    const senders = files('src/discord').filter((f) => /\.(reply|editReply|followUp|deferReply|deferUpdate|respond)\(|\.update\(\{/u.test(readFileSync(f, 'utf8')));
    expect(senders).toEqual(['src/discord/respond.ts']);
  });

  it('THEN nothing retries a Discord request by itself: discord.js does (429 after retry-after, 5xx 3 times), 10062/40060 never are', () => {
    // Code only: comments may well say "never retried".
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
    const retrying = [...files('src/discord'), ...files('src/render'), ...files('src/health')].filter((f) => /\b(?:retry|retries|retrying|attempts?|backoff)\b/iu.test(code(f)) || /catch\s*(?:\([^)]*\))?\s*\{[^}]*\b(?:reply|editReply|followUp|update|send|answerWithin)\(/u.test(code(f)));
    expect(retrying).toEqual([]);
  });

  it('THEN every source file of the adapter stays small enough to read in one sitting', () => {
    for (const f of files('src/discord')) expect(readFileSync(f, 'utf8').split('\n').length, f).toBeLessThan(300);
  });
});
