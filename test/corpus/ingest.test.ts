import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/corpus/article-file.js';
import { DuplicateIndex } from '../../src/corpus/duplicates.js';
import { extractFromHtml, extractFromText, type ExtractedArticle, type MetadataLayer } from '../../src/corpus/extract.js';
import {
  buildArticle,
  buildFromExtracted,
  DuplicateArticleError,
  findSource,
  ingestFile,
  IngestError,
  loadDuplicateIndex,
  matchOutlet,
  saveArticle,
  slugify,
  sourceByAddress,
} from '../../src/corpus/ingest.js';
import type { Source } from '../../src/corpus/types.js';

const SOURCES: Source[] = [
  { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'news agency', ownership: 'public body', color: '#1F5FAD' },
  { id: 'rt-fr', name: 'RT en français', short: 'RT', kind: 'television channel', ownership: 'state-funded', color: '#6AA84F' },
];
const SOURCES_YAML = SOURCES.map((s) => `- id: ${s.id}\n  name: ${s.name}\n  short: ${s.short}\n  kind: ${s.kind}\n  ownership: ${s.ownership}\n  color: "${s.color}"\n`).join('');

const WIRE = 'Accord entre Moscou et Pyongyang\n\ndate 2025-06 Moscou, Russie | AFP | mardi 17/06/2025 - Moscou a annoncé mardi un accord avec Pyongyang.\n\nLe texte continue.';
const PAGE = 'Kim reçoit Choïgou\n\nKim reçoit Choïgou\n\nLe responsable a effectué ce 17 juin 2025 une visite.\n\nSuivez RT en français surTelegram';

function ingestErrorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('slugify', () => {
  it('folds accents and punctuation into hyphens', () => {
    expect(slugify("Corée du Nord: l'armée")).toBe('coree-du-nord-l-armee');
  });

  it('cuts at a word boundary within 40 characters, without a dangling small word', () => {
    expect(slugify('Visite de Sergueï Choïgou en Corée du Nord: Pyongyang va envoyer')).toBe('visite-de-serguei-choigou-en-coree');
  });
});

describe('findSource', () => {
  it('finds a source by id or by short name, ignoring case', () => {
    expect(findSource('rt-fr', SOURCES)?.id).toBe('rt-fr');
    expect(findSource('AFP', SOURCES)?.id).toBe('afp');
    expect(findSource('afp', SOURCES)?.id).toBe('afp');
    expect(findSource('Reuters', SOURCES)).toBeUndefined();
  });
});

describe('buildArticle', () => {
  it('GIVEN a wire text WHEN built THEN source, date, dateline and a default id come from the header, the title from its title line', () => {
    const { doc, notes } = buildArticle(WIRE, {}, SOURCES, 'in.txt');
    expect(doc.meta).toEqual({
      id: '2025-06-17-afp-accord-entre-moscou-et-pyongyang',
      source: 'afp',
      title: 'Accord entre Moscou et Pyongyang',
      published: '2025-06-17',
      language: 'fr',
      dateline: 'Moscou, Russie',
    });
    expect(doc.paragraphs).toEqual([
      { n: 1, text: 'Moscou a annoncé mardi un accord avec Pyongyang.' },
      { n: 2, text: 'Le texte continue.' },
    ]);
    expect(notes).toContain('source "afp" matched from the wire header ("date 2025-06 Moscou, Russie | AFP | mardi 17/06/2025 -") ("AFP")');
  });

  it('lets flags override what cleaning found', () => {
    const { doc } = buildArticle(WIRE, { title: 'Accord avec Pyongyang', published: '2025-06-18', id: 'mon-id', url: 'https://example.org/a' }, SOURCES, 'in.txt');
    expect(doc.meta).toMatchObject({ id: 'mon-id', title: 'Accord avec Pyongyang', published: '2025-06-18', url: 'https://example.org/a' });
  });

  it('GIVEN a page without header WHEN the source is given THEN the date is inferred from the text', () => {
    const { doc, notes } = buildArticle(PAGE, { source: 'RT' }, SOURCES, 'in.txt');
    expect(doc.meta).toMatchObject({ source: 'rt-fr', title: 'Kim reçoit Choïgou', published: '2025-06-17' });
    expect(notes).toContain('date inferred from the text: "ce 17 juin 2025"');
  });

  it('GIVEN a text naming no outlet WHEN built THEN it asks for --source, lists the known ones and says how to add one', () => {
    expect(ingestErrorOf(() => buildArticle(PAGE, {}, SOURCES, 'in.txt')).message).toBe(
      'in.txt: no source: nothing in the input names the outlet; pass --source ID (known: afp (AFP), rt-fr (RT)), or add the outlet in the same step with --new-source id=…,name=…,short=…,kind=…,ownership=…,color=#RRGGBB[,url=https://…] (README: "Add an outlet")',
    );
  });

  it('GIVEN an unknown --source WHEN built THEN the message says how to add the outlet', () => {
    const message = ingestErrorOf(() => buildArticle(WIRE, { source: 'reuters' }, SOURCES, 'in.txt')).message;
    expect(message).toContain('unknown source "reuters"');
    expect(message).toContain('--new-source id=…');
  });

  it('GIVEN a dateline agency missing from sources.yaml WHEN built THEN the exact --new-source line is proposed', () => {
    const message = ingestErrorOf(() => buildArticle('Abidjan, 18 juin 2025 (AIP)- Le ministre a inauguré le pont.\n\nLa suite.', { title: 'Un pont' }, SOURCES, 'in.txt')).message;
    expect(message).toContain('unknown outlet "AIP" (from the dateline ("Abidjan, 18 juin 2025 (AIP)-"))');
    expect(message).toContain("--new-source 'id=aip,name=AIP,short=AIP,kind=news agency,ownership=not yet described,color=#C0392B'");
  });

  it('asks for --published when no date can be found', () => {
    expect(ingestErrorOf(() => buildArticle('Un titre court\n\nUn texte.\n\nSans date.', { source: 'afp' }, SOURCES, 'in.txt')).message).toContain('pass --published YYYY-MM-DD');
  });

  it('GIVEN a text without a title line WHEN built THEN it asks for --title instead of cutting the lead', () => {
    const lead = 'Le conseil municipal a voté jeudi soir, après quatre heures de débats, la construction du nouveau pont, a-t-on appris le 12 mars 2031.';
    expect(ingestErrorOf(() => buildArticle(`${lead}\n\nLe texte continue.`, { source: 'afp' }, SOURCES, 'in.txt')).message).toContain('no title found');
  });

  it('validates flags with the loader schema and names the flag to fix', () => {
    expect(ingestErrorOf(() => buildArticle(WIRE, { published: '2025-02-30' }, SOURCES, 'in.txt')).message).toBe(
      'in.txt: field "published": expected a date YYYY-MM-DD, got "2025-02-30" (set it with --published)',
    );
  });

  it('GIVEN an English text WHEN built THEN its language is stored as en', () => {
    const english = readFileSync(new URL('dispatch-en.txt', FIXTURES), 'utf8');
    expect(buildArticle(english, { source: 'afp', published: '2031-03-12' }, SOURCES, 'in.txt').doc.meta.language).toBe('en');
  });
});

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const FIXTURE_SOURCES: Source[] = [
  { id: 'dhl', name: 'Dépêches de Haute-Lisière', short: 'DHL', kind: 'news agency', ownership: 'cooperative', color: '#1F5FAD' },
  { id: 'courrier-valbrume', name: 'Le Courrier de Valbrume', short: 'Courrier', kind: 'regional daily', ownership: 'family group', color: '#6AA84F', url: 'https://courrier-valbrume.example' },
];
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** An extracted article with the given layers over two plain paragraphs. */
function withLayers(layers: MetadataLayer[], addresses: string[] = []): ExtractedArticle {
  return { paragraphs: [{ text: 'Le conseil a voté.' }, { text: 'La suite.' }], removed: [], warnings: [], layers, addresses };
}

describe('buildFromExtracted: metadata in order', () => {
  const page: MetadataLayer = { kind: 'structured', from: 'the page metadata', title: 'Titre de la page', published: '2031-03-12', outlet: 'Le Courrier de Valbrume' };
  const dateline: MetadataLayer = { kind: 'dateline', from: 'the dateline ("Valbrume, 11 mars 2031 (DHL) -")', published: '2031-03-11', outlet: 'DHL', dateline: 'Valbrume' };
  const text: MetadataLayer = { kind: 'text', from: 'the text', title: 'Titre du texte', published: '2031-03-10' };

  it('GIVEN flags, page metadata, a dateline and the text WHEN built THEN each field comes from the first that has it', () => {
    const { doc } = buildFromExtracted(withLayers([page, dateline, text]), { title: 'Titre choisi' }, FIXTURE_SOURCES, 'in');
    expect(doc.meta).toMatchObject({ title: 'Titre choisi', published: '2031-03-12', source: 'courrier-valbrume', dateline: 'Valbrume' });
  });

  it('GIVEN no page metadata WHEN built THEN the dateline beats the text and names the outlet', () => {
    const { doc, notes } = buildFromExtracted(withLayers([dateline, text]), {}, FIXTURE_SOURCES, 'in');
    expect(doc.meta).toMatchObject({ title: 'Titre du texte', published: '2031-03-11', source: 'dhl' });
    expect(notes).toContain('published from the dateline ("Valbrume, 11 mars 2031 (DHL) -")');
  });

  it('GIVEN a page of an outlet that carries an agency dispatch WHEN built THEN the publisher is the outlet, not the agency', () => {
    expect(buildFromExtracted(withLayers([page, dateline]), {}, FIXTURE_SOURCES, 'in').source.id).toBe('courrier-valbrume');
  });

  it('GIVEN a page naming no outlet WHEN built THEN its address names it', () => {
    const { source, notes } = buildFromExtracted(withLayers([{ ...page, outlet: undefined }, dateline], ['https://www.courrier-valbrume.example/a.html']), {}, FIXTURE_SOURCES, 'in');
    expect(source.id).toBe('courrier-valbrume');
    expect(notes).toContain('source "courrier-valbrume" matched from the address https://www.courrier-valbrume.example/a.html');
  });

  it('GIVEN a page of an unknown outlet carrying a known agency dispatch WHEN built THEN the outlet is proposed, never replaced by the agency', () => {
    const message = ingestErrorOf(() => buildFromExtracted(withLayers([{ ...page, outlet: "L'Écho de la Lisière" }, dateline], ['https://echo-lisiere.example/a']), {}, FIXTURE_SOURCES, 'in')).message;
    expect(message).toContain(`unknown outlet "L'Écho de la Lisière" (from the page metadata)`);
    expect(message).toContain("url=https://echo-lisiere.example'");
  });

  it('GIVEN --source against the page outlet WHEN built THEN the flag wins and a note says so', () => {
    const { source, notes } = buildFromExtracted(withLayers([page]), { source: 'dhl' }, FIXTURE_SOURCES, 'in');
    expect(source.id).toBe('dhl');
    expect(notes).toContain('the page metadata names "Le Courrier de Valbrume" but --source says "dhl"; used dhl');
  });

  it('GIVEN a page declaring French over an English text WHEN built THEN the text decides and a note says so', () => {
    const english = extractFromText(fixture('dispatch-en.txt'));
    const built = buildFromExtracted({ ...english, layers: [{ ...page, language: 'fr' }] }, {}, FIXTURE_SOURCES, 'in');
    expect(built.doc.meta.language).toBe('en');
    expect(built.notes).toContain('the page metadata says language "fr" but the text reads as en; stored en');
  });

  it('GIVEN too little text to tell WHEN built THEN French is stored and a note says how to set it', () => {
    const { doc, notes } = buildFromExtracted(withLayers([page]), {}, FIXTURE_SOURCES, 'in');
    expect(doc.meta.language).toBe('fr');
    expect(notes.some((n) => n.startsWith('language not recognised from the text'))).toBe(true);
  });
});

describe('matchOutlet and sourceByAddress', () => {
  it('GIVEN names as pages write them WHEN matched THEN id, short name, full name and a domain ending all find the outlet', () => {
    for (const name of ['courrier-valbrume', 'courrier', 'LE COURRIER DE VALBRUME', 'Le Courrier de Valbrume.fr']) expect(matchOutlet(name, FIXTURE_SOURCES)?.id).toBe('courrier-valbrume');
    expect(matchOutlet('DHL/Reuters', FIXTURE_SOURCES)?.id).toBe('dhl');
    expect(matchOutlet('Le Courrier', FIXTURE_SOURCES)).toBeUndefined();
  });

  it('GIVEN addresses WHEN looked up THEN the home page host and its subdomains match, other hosts do not', () => {
    expect(sourceByAddress('https://region.courrier-valbrume.example/x', FIXTURE_SOURCES)?.id).toBe('courrier-valbrume');
    expect(sourceByAddress('https://faux-courrier-valbrume.example/x', FIXTURE_SOURCES)).toBeUndefined();
  });
});

describe('saveArticle', () => {
  let dir: string;
  const dispatchBuilt = () => buildFromExtracted(extractFromText(fixture('dispatch-dhl.txt')), {}, FIXTURE_SOURCES, 'dispatch-dhl.txt');
  const copyBuilt = () => buildFromExtracted(extractFromHtml(fixture('courrier-copy.html'), 'courrier-copy.html'), {}, FIXTURE_SOURCES, 'courrier-copy.html');
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recoupe-save-'));
    await writeFile(path.join(dir, 'sources.yaml'), fixture('sources.yaml'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN the dispatch stored WHEN the copy of another outlet is saved THEN it records syndication_of the dispatch', async () => {
    const index = new DuplicateIndex();
    const first = await saveArticle(dispatchBuilt(), index, { dataDir: dir, origin: 'dispatch' });
    const copy = await saveArticle(copyBuilt(), index, { dataDir: dir, origin: 'copy' });
    expect(copy.doc.meta.syndication_of).toBe(first.doc.meta.id);
    expect(parseArticleFile(await readFile(copy.path, 'utf8')).meta.syndication_of).toBe('2031-03-12-dhl-valbrume-la-ligne-ferroviaire-vers');
    expect(copy.notes.some((n) => n.startsWith(`syndicated copy of "${first.doc.meta.id}": shared word 5-grams Jaccard 0.7`))).toBe(true);
  });

  it('GIVEN a stored article WHEN the same text is saved again THEN it is refused with its id, and --replace rewrites that same file', async () => {
    await saveArticle(dispatchBuilt(), new DuplicateIndex(), { dataDir: dir, origin: 'dispatch' });
    const index = await loadDuplicateIndex(dir);
    const again = buildFromExtracted(extractFromText(fixture('dispatch-dhl.txt')), { title: 'Un autre titre', id: 'autre-id' }, FIXTURE_SOURCES, 'again');
    const refused = await saveArticle(again, index, { dataDir: dir, origin: 'again' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DuplicateArticleError);
    expect((refused as Error).message).toBe('again: already in the corpus as "2031-03-12-dhl-valbrume-la-ligne-ferroviaire-vers" (the same text); pass --replace to update it');
    const replaced = await saveArticle(again, index, { dataDir: dir, origin: 'again', replace: true });
    expect(replaced).toMatchObject({ outcome: 'replaced', doc: { meta: { id: '2031-03-12-dhl-valbrume-la-ligne-ferroviaire-vers', title: 'Un autre titre' } } });
    expect(await readdir(path.join(dir, 'articles'))).toEqual(['2031-03-12-dhl-valbrume-la-ligne-ferroviaire-vers.md']);
  });

  it('GIVEN a dry run WHEN saved THEN nothing is written', async () => {
    const result = await saveArticle(dispatchBuilt(), new DuplicateIndex(), { dataDir: dir, origin: 'dispatch', dryRun: true });
    expect(result.outcome).toBe('dry-run');
    expect(await readdir(dir)).toEqual(['sources.yaml']);
  });
});

describe('ingestFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recoupe-ingest-'));
    await writeFile(path.join(dir, 'sources.yaml'), SOURCES_YAML);
    await writeFile(path.join(dir, 'raw.txt'), WIRE);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes data/articles/<id>.md that parses back to the same article, with no temporary file left', async () => {
    const result = await ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord' });
    expect(result.path).toBe(path.join(dir, 'articles', 'accord.md'));
    expect(parseArticleFile(await readFile(result.path, 'utf8'))).toEqual(result.doc);
    expect(await readdir(path.join(dir, 'articles'))).toEqual(['accord.md']);
  });

  it('GIVEN an existing file of another text WHEN written under its id THEN it refuses without replace and replaces with it', async () => {
    await ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord' });
    await writeFile(path.join(dir, 'raw.txt'), PAGE);
    await expect(ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord', source: 'rt-fr' })).rejects.toThrow(/accord\.md already exists; pass --replace/);
    const again = await ingestFile({ file: path.join(dir, 'raw.txt'), dataDir: dir, id: 'accord', source: 'rt-fr', title: 'Nouveau titre', replace: true });
    expect(again.outcome).toBe('replaced');
    expect(await readFile(again.path, 'utf8')).toContain('title: Nouveau titre');
  });
});
