/**
 * How a base's paragraphs were read for names (segment-names.ts), in the form the start-up cache
 * saves: the two name lists as JSON, and each paragraph's mentions and dependent runs as a JSON
 * string of its own, decoded the first time a composition reads it.
 */
import type { IndexedParagraph } from '../search/paragraph-index.js';
import type { EntityMention } from '../text/entities.js';
import { NOTHING_READ, namesOf, type ReadParagraph, type SegmentNames } from './segment-names.js';
import { TextTable } from './text-table.js';

/** A base's names as saved. */
export interface SavedNames {
  readonly firstPass: readonly string[];
  readonly known: readonly string[];
  /** By document id: `{"m": [[start, end, kind, role?]…], "r": [[key, taken]…]}`, or `''` for a paragraph with neither. */
  readonly read: TextTable;
}

type SavedMention = [number, number, 'person' | 'organisation', string?];

/** The saved form of one segment's names. */
export function saveNames(names: SegmentNames, count: number): SavedNames {
  const read: string[] = [];
  for (let id = 0; id < count; id++) read.push(encodeRead(names.readOf(id)));
  return { firstPass: names.firstPass, known: names.known, read: TextTable.of(read) };
}

/** How one paragraph was read, as {@link SavedNames.read} holds it. */
export function encodeRead({ mentions, runs }: ReadParagraph): string {
  if (mentions.length === 0 && runs.length === 0) return '';
  return JSON.stringify({ m: mentions.map((m): SavedMention => (m.role === undefined ? [m.start, m.end, m.kind] : [m.start, m.end, m.kind, m.role])), r: runs.map((r) => [r.key, r.taken ? 1 : 0]) });
}

/** Names restored for the paragraphs they were saved from (a mention's surface is its paragraph's text between its offsets). */
export function restoreNames(saved: SavedNames, docs: readonly IndexedParagraph[]): SegmentNames {
  if (!Array.isArray(saved.firstPass) || !Array.isArray(saved.known)) throw new Error('recoupe: saved names have no name lists');
  if (saved.read.length !== docs.length) throw new Error(`recoupe: saved names cover ${saved.read.length} paragraphs, corpus has ${docs.length}`);
  const decoded: Array<ReadParagraph | undefined> = new Array(docs.length);
  const readOf = (id: number): ReadParagraph => {
    let read = decoded[id];
    if (!read) decoded[id] = read = decode(saved.read.get(id), docs[id]?.paragraph.text ?? '');
    return read;
  };
  return namesOf(saved.firstPass, saved.known, readOf, docs.length);
}

function decode(json: string, text: string): ReadParagraph {
  if (json === '') return NOTHING_READ;
  const { m, r } = JSON.parse(json) as { m: SavedMention[]; r: Array<[string, number]> };
  const mentions = m.map(([start, end, kind, role]): EntityMention => ({ surface: text.slice(start, end), start, end, kind, ...(role !== undefined ? { role } : {}) }));
  return { mentions, runs: r.map(([key, taken]) => ({ key, taken: taken === 1 })) };
}
