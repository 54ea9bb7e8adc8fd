import { describe, expect, it } from 'vitest';
import { aliasesFileSchema, articleFrontMatterSchema, describeIssue, isRealDate, sourcesFileSchema } from '../../src/corpus/schema.js';

const source = { id: 'afp', name: 'Agence France-Presse', short: 'AFP', kind: 'news agency', ownership: 'public body', color: '#1F5FAD' };
const meta = { id: 'a-1', source: 'afp', title: 'Un titre', published: '2025-06-17' };

function issueOf(schema: { safeParse(data: unknown): { success: boolean; error?: unknown } }, data: unknown) {
  const result = schema.safeParse(data);
  if (result.success) throw new Error('expected a validation failure');
  return describeIssue(result.error as Parameters<typeof describeIssue>[0]);
}

describe('isRealDate', () => {
  it('accepts a leap day and refuses days that do not exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('2025-6-17')).toBe(false);
  });
});

describe('article front matter', () => {
  it('GIVEN no language WHEN validated THEN it defaults to fr', () => {
    expect(articleFrontMatterSchema.parse(meta).language).toBe('fr');
  });

  it('names the field and quotes the value of an impossible date', () => {
    expect(issueOf(articleFrontMatterSchema, { ...meta, published: '2025-13-01' })).toEqual({
      field: 'published',
      message: 'expected a date YYYY-MM-DD, got "2025-13-01"',
    });
  });

  it('says a missing field is required', () => {
    const { title: _title, ...withoutTitle } = meta;
    expect(issueOf(articleFrontMatterSchema, withoutTitle)).toEqual({ field: 'title', message: 'is required' });
  });

  it('refuses an id that is not a slug', () => {
    expect(issueOf(articleFrontMatterSchema, { ...meta, id: 'Mon Article' }).field).toBe('id');
  });

  it('refuses a URL that is not http(s)', () => {
    expect(issueOf(articleFrontMatterSchema, { ...meta, url: 'ftp://example.org/a' })).toMatchObject({ field: 'url' });
  });

  it('reports a misspelt key as an unknown field', () => {
    expect(issueOf(articleFrontMatterSchema, { ...meta, publised: '2025-06-17' })).toMatchObject({ field: 'publised' });
  });
});

describe('sources.yaml', () => {
  it('names the entry and field of a bad colour', () => {
    expect(issueOf(sourcesFileSchema, [source, { ...source, id: 'rt-fr', short: 'RT', color: 'red' }])).toEqual({
      field: '[1].color',
      message: 'expected a colour #RRGGBB, got "red"',
    });
  });

  it('refuses two sources with the same id', () => {
    expect(issueOf(sourcesFileSchema, [source, { ...source, short: 'AFP2' }])).toMatchObject({ field: '[1].id', message: expect.stringContaining('duplicate source id "afp"') });
  });

  it('refuses two sources with the same short name, whatever the case', () => {
    expect(issueOf(sourcesFileSchema, [source, { ...source, id: 'afp-en', short: 'afp' }]).field).toBe('[1].short');
  });
});

describe('aliases.yaml', () => {
  it('accepts groups of two or more spellings', () => {
    expect(aliasesFileSchema.parse([['Koursk', 'Kursk'], ['Kiev', 'Kyiv', 'Kyïv']])).toHaveLength(2);
  });

  it('refuses a group with a single spelling', () => {
    expect(issueOf(aliasesFileSchema, [['Ukraine']]).field).toBe('[0]');
  });

  it('refuses an empty spelling', () => {
    expect(issueOf(aliasesFileSchema, [['Koursk', '']]).field).toBe('[0][1]');
  });

  it('refuses a spelling that is in two groups once folded', () => {
    expect(issueOf(aliasesFileSchema, [['Choïgou', 'Shoigu'], ['Choigou', 'Shoygu']])).toMatchObject({ field: '[1][0]' });
  });
});
