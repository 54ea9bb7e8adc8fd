import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSources } from '../../src/corpus/load.js';
import { addSourceToFile, formatNewSource, NewSourceError, parseNewSource, proposeSource } from '../../src/corpus/sources-file.js';
import type { Source } from '../../src/corpus/types.js';

const FIXTURE_SOURCES = new URL('../fixtures/ingest/sources.yaml', import.meta.url);

const ECHO: Source = {
  id: 'echo-lisiere',
  name: "L'Écho de la Lisière",
  short: 'Écho',
  kind: 'daily newspaper, national',
  ownership: 'owned by its journalists (invented)',
  color: '#8E44AD',
  url: 'https://echo-lisiere.example',
};
const ECHO_SPEC = "id=echo-lisiere,name=L'Écho de la Lisière,short=Écho,kind=daily newspaper, national,ownership=owned by its journalists (invented),color=#8E44AD,url=https://echo-lisiere.example";

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseNewSource', () => {
  it('GIVEN every field WHEN read THEN commas inside a value stay in it', () => {
    expect(parseNewSource(ECHO_SPEC)).toEqual(ECHO);
  });

  it('GIVEN no url WHEN read THEN the source has none', () => {
    expect(parseNewSource('id=dhl,name=Dépêches,short=DHL,kind=agency,ownership=cooperative,color=#1F5FAD')).not.toHaveProperty('url');
  });

  it.each([
    ['id=x,name=X,short=X,kind=k,ownership=o', 'field "color": is required'],
    ['id=x,name=X,short=X,kind=k,ownership=o,color=red', 'field "color": expected a colour #RRGGBB, got "red"'],
    ['id=X Y,name=X,short=X,kind=k,ownership=o,color=#123456', 'field "id": expected a source id made of a-z, 0-9 and single hyphens'],
    ['nom=X,id=x', 'expected key=value pairs with keys id, name, short, kind, ownership, color, url, got "nom=X"'],
    ['id=x,id=y', '"id" is given twice'],
  ])('GIVEN %j WHEN read THEN the message names the problem', (spec, message) => {
    const error = errorOf(() => parseNewSource(spec));
    expect(error).toBeInstanceOf(NewSourceError);
    expect(error.message).toContain(message);
  });
});

describe('proposeSource and formatNewSource', () => {
  const known: Source[] = [{ id: 'dhl', name: 'Dépêches de Haute-Lisière', short: 'DHL', kind: 'agency', ownership: 'cooperative', color: '#C0392B' }];

  it('GIVEN an outlet named by a page WHEN proposed THEN the line parses back to the proposal, with a colour not in use', () => {
    const proposal = proposeSource("L'Écho de la Lisière", 'news website', known, 'https://echo-lisiere.example/2031/03/13/train');
    expect(proposal).toEqual({ id: 'l-echo-de-la-lisiere', name: "L'Écho de la Lisière", short: "L'Écho de la Lisière", kind: 'news website', ownership: 'not yet described', color: '#8E44AD', url: 'https://echo-lisiere.example' });
    const line = formatNewSource(proposal);
    expect(line).toBe(`--new-source 'id=l-echo-de-la-lisiere,name=L'\\''Écho de la Lisière,short=L'\\''Écho de la Lisière,kind=news website,ownership=not yet described,color=#8E44AD,url=https://echo-lisiere.example'`);
    const unquoted = line.replace(/^--new-source '/, '').replace(/'$/, '').replace(/'\\''/g, "'");
    expect(parseNewSource(unquoted)).toEqual(proposal);
  });

  it('GIVEN a long agency name WHEN proposed THEN its short name is its initials', () => {
    expect(proposeSource('Agence Ivoirienne de Presse', 'news agency', known).short).toBe('AIP');
  });
});

describe('addSourceToFile', () => {
  let dir: string;
  let original: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recoupe-sources-'));
    await copyFile(FIXTURE_SOURCES, path.join(dir, 'sources.yaml'));
    original = await readFile(path.join(dir, 'sources.yaml'), 'utf8');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a commented sources.yaml WHEN an outlet is added THEN the file keeps every byte and the loader reads the new entry', async () => {
    expect(await addSourceToFile(dir, ECHO)).toBe('added');
    const text = await readFile(path.join(dir, 'sources.yaml'), 'utf8');
    expect(text.startsWith(original.trimEnd())).toBe(true);
    expect(text).toContain('# A comment that adding an outlet must keep.');
    expect((await readSources(dir)).map((s) => s.id)).toEqual(['dhl', 'courrier-valbrume', 'echo-lisiere']);
    expect((await readSources(dir)).at(-1)).toEqual(ECHO);
    expect(await readdir(dir)).toEqual(['sources.yaml']);
  });

  it('GIVEN the outlet already there WHEN added again THEN nothing is written', async () => {
    await addSourceToFile(dir, ECHO);
    const once = await readFile(path.join(dir, 'sources.yaml'), 'utf8');
    expect(await addSourceToFile(dir, ECHO)).toBe('already-present');
    expect(await readFile(path.join(dir, 'sources.yaml'), 'utf8')).toBe(once);
  });

  it.each([
    ['the id of another entry', { ...ECHO, id: 'dhl' }, 'already has a source "dhl" with other fields'],
    ['the short name of another entry', { ...ECHO, short: 'dhl' }, 'duplicate short name "dhl"'],
  ])('GIVEN %s WHEN added THEN it is refused and the file is unchanged', async (_, source, message) => {
    await expect(addSourceToFile(dir, source)).rejects.toThrow(message);
    expect(await readFile(path.join(dir, 'sources.yaml'), 'utf8')).toBe(original);
  });

  it('GIVEN an empty flow list WHEN an outlet is added THEN the file still loads with it', async () => {
    await writeFile(path.join(dir, 'sources.yaml'), '# no outlet yet\n[]\n');
    await addSourceToFile(dir, ECHO);
    expect(await readSources(dir)).toEqual([ECHO]);
    expect(await readFile(path.join(dir, 'sources.yaml'), 'utf8')).toContain('# no outlet yet');
  });
});
