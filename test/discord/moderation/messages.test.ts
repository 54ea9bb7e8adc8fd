/**
 * The moderators' words: every refusal (the service's codes and the surface's) worded in English
 * and French, short, with the service's detail appended and the code for support; and how the
 * error boundary picks them.
 */
import { describe, expect, it } from 'vitest';
import { userErrorText } from '../../../src/discord/error-boundary.js';
import { ModeratorRefusal } from '../../../src/discord/moderation/refusal.js';
import { ModerationError, type ModerationErrorCode } from '../../../src/moderation/types.js';
import { MODERATOR_REFUSAL_CODES, moderationErrorText, moderationMessages, moderatorRefusalText } from '../../../src/render/moderation-messages.js';

const SERVICE_CODES: readonly ModerationErrorCode[] = ['draft-not-found', 'duplicate', 'unknown-article', 'unknown-outlet', 'bad-date', 'bad-input', 'fetch-failed', 'too-large', 'bad-type', 'empty', 'source-exists', 'bad-source', 'storage-failed'];

describe('GIVEN every refusal code', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`THEN each is worded in ${locale}, in one or two short sentences, ending with its code`, () => {
      for (const code of SERVICE_CODES) {
        const text = moderationErrorText(code, undefined, locale);
        expect(text.endsWith(` [${code}]`)).toBe(true);
        expect(text.length).toBeLessThan(200);
      }
      for (const code of MODERATOR_REFUSAL_CODES) {
        const text = moderatorRefusalText(code, 'détail', locale);
        expect(text.endsWith(` [${code}]`)).toBe(true);
        expect(text.length).toBeLessThan(200);
      }
    });
  }

  it('THEN French says something else than English for each (nothing left untranslated)', () => {
    for (const code of SERVICE_CODES) expect(moderationMessages('fr').errors[code]).not.toBe(moderationMessages('en').errors[code]);
    for (const code of MODERATOR_REFUSAL_CODES) expect(moderationMessages('fr').refusals[code]('x')).not.toBe(moderationMessages('en').refusals[code]('x'));
  });
});

describe('GIVEN a refusal with a detail', () => {
  it('WHEN worded THEN the detail follows the sentence, in parentheses, before the code', () => {
    expect(moderationErrorText('unknown-outlet', 'Fratmat (known: AFP, RT)', 'en')).toBe('I do not know this outlet. Name one with the outlet option, or add it with /source add. (Fratmat (known: AFP, RT)) [unknown-outlet]');
    expect(moderationErrorText('bad-date', 'le 32 juin', 'fr')).toBe('Je n’ai pas pu lire cette date. Écrivez-la 2025-06-17 ou 17 juin 2025. (le 32 juin) [bad-date]');
    expect(moderatorRefusalText('attachment-too-large', '5', 'fr')).toBe('Ce fichier est trop volumineux : 5 Mo au plus. [attachment-too-large]');
    expect(moderatorRefusalText('attachment-too-large', '5', 'en')).toBe('This file is too large: 5 MB at most. [attachment-too-large]');
  });

  it('WHEN the error boundary words it THEN the service’s and the surface’s refusals get these words', () => {
    expect(userErrorText(new ModerationError('duplicate', 'AFP: Koursk (a-1)'), 'en')).toBe('This article is already in the collection: nothing was published. (AFP: Koursk (a-1)) [duplicate]');
    expect(userErrorText(new ModeratorRefusal('not-moderator'), 'fr')).toBe('Seuls les modérateurs (permission Gérer les messages) peuvent faire cela. [not-moderator]');
  });
});
