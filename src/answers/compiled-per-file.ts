/**
 * A reading of an operator's data file (counted.yaml, countries.yaml) compiled once per file
 * object, however many knowledge bases share it: every composition over a base (one per server,
 * a new one at every publish) keeps its corpus's file, so a publish compiles nothing again.
 */

/** The key of a corpus without the file: compiled once too, from the built-in list alone. */
const NO_FILE = {};

/** `compile` memoised on the file object (held weakly), `undefined` standing for "no file". */
export function compiledPerFile<File extends object, Compiled>(compile: (file: File | undefined) => Compiled): (file: File | undefined) => Compiled {
  const compiled = new WeakMap<object, Compiled>();
  return (file) => {
    const key = file ?? NO_FILE;
    let found = compiled.get(key);
    if (found === undefined) compiled.set(key, (found = compile(file)));
    return found;
  };
}
