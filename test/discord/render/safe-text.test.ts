/**
 * Safe text for Discord: mentions broken, Markdown escaped, highlights in bold, cuts at words.
 */
import { describe, expect, it } from 'vitest';
import { ZWSP, bolded, cutDisplay, cutPlain, display, fitByCutting, neutralizeMentions, neutralizeWithSpans } from '../../../src/discord/render/safe-text.js';
import { ELLIPSIS } from '../../../src/render/format.js';
import { HOSTILE, liveMentions, maskedLinks } from '../support.js';

describe('neutralizeMentions', () => {
  it('GIVEN every kind of mention WHEN neutralised THEN none is live and the text reads the same', () => {
    const out = neutralizeMentions('@everyone @here <@1234567890> <@!1234567890> <@&1234567890> <#1234567890>');
    expect(liveMentions([out])).toEqual([]);
    expect(out.replaceAll(ZWSP, '')).toBe('@everyone @here <@1234567890> <@!1234567890> <@&1234567890> <#1234567890>');
  });

  it('GIVEN upper-case @EVERYONE WHEN neutralised THEN it is broken too', () => {
    expect(neutralizeMentions('@EVERYONE')).toBe(`@${ZWSP}EVERYONE`);
  });

  it('GIVEN an already neutralised text WHEN neutralised again THEN nothing changes', () => {
    const once = neutralizeMentions(HOSTILE);
    expect(neutralizeMentions(once)).toBe(once);
  });

  it('GIVEN spans after a mention WHEN neutralised with spans THEN the spans still cover the same words', () => {
    const text = '<@123> a salué Choïgou';
    const start = text.indexOf('Choïgou');
    const out = neutralizeWithSpans(text, [{ start, end: start + 7 }]);
    const span = out.spans[0];
    expect(span && out.text.slice(span.start, span.end)).toBe('Choïgou');
  });
});

describe('display', () => {
  it('GIVEN hostile text WHEN displayed THEN Markdown is escaped, no masked link and no live mention remain', () => {
    const out = display(HOSTILE);
    expect(out).toContain('\\*\\*gras\\*\\*');
    expect(out).toContain('\\[lien\\](https');
    expect(maskedLinks([out])).toEqual([]);
    expect(liveMentions([out])).toEqual([]);
  });

  it('GIVEN a line starting with > WHEN displayed THEN the block quote marker is escaped', () => {
    expect(display('> citation\nsuite\n  > encore')).toBe('\\> citation\nsuite\n  \\> encore');
  });
});

describe('bolded', () => {
  it('GIVEN highlights on words with Markdown around WHEN bolded THEN only the markers we add are unescaped', () => {
    const text = 'les *sapeurs* de Koursk';
    const start = text.indexOf('sapeurs');
    expect(bolded(text, [{ start, end: start + 7 }])).toBe('les \\***sapeurs**\\* de Koursk');
  });

  it('GIVEN two highlights one space apart WHEN bolded THEN they make one bold run', () => {
    const text = "l'aide fraternelle de Pyongyang";
    expect(bolded(text, [{ start: 2, end: 6 }, { start: 7, end: 18 }])).toBe("l'**aide fraternelle** de Pyongyang");
  });

  it('GIVEN overlapping and out-of-range highlights WHEN bolded THEN they are merged and clipped', () => {
    expect(bolded('abc def', [{ start: 4, end: 99 }, { start: 0, end: 2 }, { start: 1, end: 3 }])).toBe('**abc def**');
  });
});

describe('fitByCutting', () => {
  const words = 'un deux trois quatre cinq six sept huit neuf dix';

  it('GIVEN a text that fits WHEN fitted THEN it is unchanged', () => {
    expect(cutPlain(words, 100)).toBe(words);
  });

  it('GIVEN a text too long WHEN cut THEN it ends on a whole word with an ellipsis and fits', () => {
    const out = cutPlain(words, 20);
    expect(out).toBe(`un deux trois${ELLIPSIS}`);
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it('GIVEN escaping that lengthens the text WHEN cut THEN the rendered length fits and no escape is split', () => {
    const text = '*a* *b* *c* *d* *e* *f*';
    const out = cutDisplay(text, 16);
    expect(out.length).toBeLessThanOrEqual(16);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out).not.toMatch(/\\…$/u);
  });

  it('GIVEN one very long word WHEN cut THEN it is cut hard rather than dropped', () => {
    const out = cutPlain(`https://example.org/${'x'.repeat(500)}`, 50);
    expect(out.length).toBe(50);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });

  it('GIVEN a surrogate pair at the cut WHEN cut hard THEN the pair is not split', () => {
    const out = cutPlain('😀'.repeat(40), 9);
    expect(out).toBe(`${'😀'.repeat(4)}${ELLIPSIS}`);
  });

  it('GIVEN a room smaller than any rendering WHEN fitted THEN the result is still within the room', () => {
    expect(fitByCutting('abc def', 0, (k) => `[[${k}]]`)).toBe('');
    expect(fitByCutting('abc def', 1, (k) => `[[${k}]]`)).toBe(ELLIPSIS);
  });
});
