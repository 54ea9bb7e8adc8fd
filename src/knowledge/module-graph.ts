/**
 * The code a module runs, found from its source: every module it imports under relative paths,
 * transitively, the files those modules read next to themselves (`new URL('./data/x',
 * import.meta.url)`), and the packages they import. The start-up cache hashes all of it, so that
 * a change to any byte of that code, a moved file or an upgraded package invalidates the cache,
 * and no list of paths has to be kept in step with the code.
 *
 * Imports are read by a small scanner (comments, strings, template literals and regular
 * expressions are told apart), not by TypeScript's parser: loading `typescript` would cost more
 * than the whole start from the cache. test/knowledge/module-graph.test.ts checks that the scanner
 * finds exactly the imports TypeScript finds, in every file under src/. An import that resolves to
 * no file throws, naming both files: a broken graph never hashes as a smaller one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What one module's source refers to. */
export interface ModuleReferences {
  /** Specifiers of static, dynamic and side-effect imports and of `export … from`, in order. */
  readonly imports: readonly string[];
  /**
   * Files read relative to the module (`new URL(spec, import.meta.url)`): the specifier, or for a
   * template literal its text before the first substitution.
   */
  readonly assets: readonly { readonly spec: string; readonly templated: boolean }[];
}

/** Everything a set of root modules runs, as {@link moduleGraph} finds it. */
export interface ModuleGraph {
  /** Absolute paths of the modules, sorted. */
  readonly modules: readonly string[];
  /** Absolute paths of the files the modules read next to themselves, sorted. */
  readonly assets: readonly string[];
  /** Packages imported, as `name@version`, sorted. */
  readonly packages: readonly string[];
}

type Token = { readonly kind: 'name' | 'punct'; readonly value: string } | { readonly kind: 'string'; readonly value: string } | { readonly kind: 'template'; readonly value: string; readonly templated: boolean };

/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/** Extensions of modules whose imports are followed. */
const MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

/** Pieces of source read in one step each, from a position (sticky). */
const SPACE = /\s+/y;
const LINE_COMMENT = /\/\/[^\n]*/y;
const BLOCK_COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/y;
const SINGLE_QUOTED = /'((?:\\[\s\S]|[^\\'\n])*)'?/y;
const DOUBLE_QUOTED = /"((?:\\[\s\S]|[^\\"\n])*)"?/y;
/** Template text up to its end (`` ` ``) or its next substitution (`${`). */
const TEMPLATE_TEXT = /((?:\\[\s\S]|[^\\`$]|\$(?!\{))*)(`|\$\{|$)/y;
const REGEX = /\/(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])*\/?[a-z]*/y;
const WORD_START = /[\p{L}\p{N}_$]/u;

/** Whether a character code starts a word: ASCII tested by range (most of any source), the rest by class. */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
  return WORD_START.test(String.fromCharCode(code));
}

/** Reads `pattern` at `at`: the match, or null. */
function readAt(pattern: RegExp, source: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(source);
}

/** Unescapes a string literal's text as far as a path needs (`\'` → `'`). */
const unescape = (text: string) => text.replace(/\\([\s\S])/g, '$1');

/**
 * The tokens of a TypeScript or JavaScript source that matter for its imports: words,
 * punctuation, and string and template literals (a template's head only, up to its first `${`).
 * Comments and regular expressions are skipped.
 */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  /** Brace depth at which each open template substitution resumes its template. */
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const regexAllowed = () => {
    const last = tokens[tokens.length - 1];
    if (!last) return true;
    if (last.kind === 'name') return BEFORE_REGEX.has(last.value);
    return last.kind === 'punct' && last.value !== ')' && last.value !== ']' && last.value !== '}' && last.value !== '`';
  };
  /** Reads template text from `i`; whether it stops at a substitution, and its text. */
  const templateText = (): { text: string; opensSubstitution: boolean } => {
    const m = readAt(TEMPLATE_TEXT, source, i) as RegExpExecArray;
    i += m[0].length;
    const opensSubstitution = m[2] === '${';
    if (opensSubstitution) templates.push(depth);
    return { text: m[1] ?? '', opensSubstitution };
  };
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    const code = source.charCodeAt(i);
    let m: RegExpExecArray | null;
    if (code <= 32 || code === 0xa0 || code === 0xfeff) i += readAt(SPACE, source, i)?.[0].length ?? 1;
    else if (c === '/' && (next === '/' || next === '*')) i += (readAt(next === '/' ? LINE_COMMENT : BLOCK_COMMENT, source, i) as RegExpExecArray)[0].length;
    else if (c === "'" || c === '"') {
      m = readAt(c === "'" ? SINGLE_QUOTED : DOUBLE_QUOTED, source, i) as RegExpExecArray;
      i += m[0].length;
      tokens.push({ kind: 'string', value: unescape(m[1] ?? '') });
    } else if (c === '`') {
      i++;
      const { text, opensSubstitution } = templateText();
      tokens.push({ kind: 'template', value: unescape(text), templated: opensSubstitution });
    } else if (c === '}' && templates[templates.length - 1] === depth) {
      // The end of a substitution: the template goes on (its later parts are never a path's head).
      // Its end is marked, so that what follows a template can be told from what is inside it.
      i++;
      templates.pop();
      if (!templateText().opensSubstitution) tokens.push({ kind: 'punct', value: '`' });
    } else if (c === '/' && regexAllowed()) {
      i += (readAt(REGEX, source, i) as RegExpExecArray)[0].length;
      tokens.push({ kind: 'punct', value: ')' });
    } else if (isWordCode(code)) {
      let end = i + 1;
      while (end < source.length && isWordCode(source.charCodeAt(end))) end++;
      tokens.push({ kind: 'name', value: source.slice(i, end) });
      i = end;
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      tokens.push({ kind: 'punct', value: c });
      i++;
    }
  }
  return tokens;
}

/** Position of the end mark of the templated template at `start` (templates may nest in its substitutions). */
function templateEnd(tokens: readonly Token[], start: number): number {
  let open = 0;
  for (let at = start; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    if (token.kind === 'template' && token.templated) open++;
    else if (token.kind === 'punct' && token.value === '`' && --open === 0) return at;
  }
  return tokens.length;
}

/** The imports and module-relative files one source refers to. */
export function referencesOf(source: string): ModuleReferences {
  const tokens = tokenize(source);
  const imports: string[] = [];
  const assets: { spec: string; templated: boolean }[] = [];
  const is = (at: number, kind: Token['kind'], value?: string) => tokens[at]?.kind === kind && (value === undefined || tokens[at]?.value === value);
  tokens.forEach((token, at) => {
    if (token.kind !== 'name') return;
    const previous = tokens[at - 1];
    // `x.from('a')` and `x.import` are members, not declarations.
    if (previous?.kind === 'punct' && previous.value === '.') return;
    if ((token.value === 'from' || token.value === 'import') && is(at + 1, 'string')) imports.push(tokens[at + 1]?.value as string);
    else if (token.value === 'import' && is(at + 1, 'punct', '(') && is(at + 2, 'string')) imports.push(tokens[at + 2]?.value as string);
    else if (token.value === 'new' && is(at + 1, 'name', 'URL') && is(at + 2, 'punct', '(') && (is(at + 3, 'string') || is(at + 3, 'template'))) {
      const spec = tokens[at + 3] as Token;
      const templated = spec.kind === 'template' && spec.templated;
      const after = templated ? templateEnd(tokens, at + 3) + 1 : at + 4;
      const urlOfModule = is(after, 'punct', ',') && ['import', '.', 'meta', '.', 'url'].every((v, k) => tokens[after + 1 + k]?.value === v);
      if (urlOfModule) assets.push({ spec: spec.value, templated });
    }
  });
  return { imports, assets };
}

/** The file a relative specifier names: TypeScript sources are imported as `.js`. Throws when none exists. */
function resolveRelative(from: string, spec: string): string {
  const target = path.resolve(path.dirname(from), spec);
  const candidates = spec.endsWith('.js') ? [`${target.slice(0, -3)}.ts`, target] : spec.endsWith('.mjs') ? [`${target.slice(0, -4)}.mts`, target] : [target, `${target}.ts`, path.join(target, 'index.ts')];
  const found = candidates.find((file) => existsSync(file) && statSync(file).isFile());
  if (!found) throw new Error(`recoupe: ${from} imports '${spec}', which is no file (looked for ${candidates.join(', ')})`);
  return found;
}

/** `name@version` of an imported package, found as Node finds it (node_modules folders upwards). */
function packageOf(from: string, spec: string): string {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '?'}`;
    if (path.dirname(dir) === dir) throw new Error(`recoupe: ${from} imports '${spec}', and no node_modules folder holds package ${name}`);
  }
}

/** The files a module reads next to itself: the file named, or every file of a templated path's folder. */
function assetFiles(from: string, asset: ModuleReferences['assets'][number]): string[] {
  const target = path.resolve(path.dirname(from), asset.spec);
  const missing = () => new Error(`recoupe: ${from} reads '${asset.spec}', which is no ${asset.templated ? 'folder' : 'file'}`);
  if (!asset.templated) {
    if (!existsSync(target) || !statSync(target).isFile()) throw missing();
    return [target];
  }
  // `./data/${file}`: any file of the folder may be read.
  const folder = asset.spec.endsWith('/') ? target : path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw missing();
  return readdirSync(folder)
    .map((f) => path.join(folder, f))
    .filter((f) => statSync(f).isFile());
}

/** A root given as a `file:` URL (a module's `import.meta.url`) or a path. */
function pathOf(root: string): string {
  return root.startsWith('file:') ? fileURLToPath(root) : path.resolve(root);
}

/** A graph and the bytes of every module and file in it, read once. */
function walk(roots: readonly string[]): { graph: ModuleGraph; bytes: ReadonlyMap<string, Buffer> } {
  const bytes = new Map<string, Buffer>();
  const assets = new Set<string>();
  const packages = new Set<string>();
  const pending = roots.map(pathOf);
  for (const root of pending) if (!existsSync(root)) throw new Error(`recoupe: module graph root ${root} is no file`);
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (bytes.has(file)) continue;
    const content = readFileSync(file);
    bytes.set(file, content);
    const { imports, assets: read } = referencesOf(content.toString('utf8'));
    for (const spec of imports) {
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec);
        if (MODULE_EXTENSIONS.includes(path.extname(target))) pending.push(target);
        else assets.add(target);
      } else if (!spec.startsWith('node:') && !isBuiltin(spec)) packages.add(packageOf(file, spec));
    }
    for (const asset of read) for (const f of assetFiles(file, asset)) assets.add(f);
  }
  for (const file of assets) if (!bytes.has(file)) bytes.set(file, readFileSync(file));
  const modules = [...bytes.keys()].filter((f) => !assets.has(f)).sort();
  return { graph: { modules, assets: [...assets].sort(), packages: [...packages].sort() }, bytes };
}

/**
 * Every module the roots import under relative paths, transitively (the roots included), with
 * the files they read and the packages they import. Roots are `file:` URLs (a module's
 * `import.meta.url`) or paths. Throws when a module or file is missing.
 */
export function moduleGraph(roots: readonly string[]): ModuleGraph {
  return walk(roots).graph;
}

/**
 * A hash of everything {@link moduleGraph} finds: each module's and file's bytes with its path
 * relative to the first root's folder (so a moved file changes it too, and the folder the
 * repository is cloned in does not), and each package's version.
 */
export function fingerprintOf(roots: readonly string[]): string {
  const { graph, bytes } = walk(roots);
  const base = path.dirname(pathOf(roots[0] ?? '.'));
  const hash = createHash('sha256');
  for (const file of [...graph.modules, ...graph.assets]) {
    const content = bytes.get(file) as Buffer;
    hash.update(`\u0000${path.relative(base, file).split(path.sep).join('/')}\u0000${content.length}\u0000`).update(content);
  }
  for (const pkg of graph.packages) hash.update(`\u0000package\u0000${pkg}`);
  return hash.digest('hex');
}
