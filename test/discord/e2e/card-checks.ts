/**
 * The check every end-to-end answer test makes of a card the double received: sent as Components
 * V2, valid, within Discord's 40 components and 4 000 characters of text, mentions off.
 */
import type { APIMessageTopLevelComponent } from 'discord.js';
import { expect } from 'vitest';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { cardViolations } from '../../../src/discord/render/card-rules.js';
import { flattenComponents } from '../../../src/discord/render/component-tree.js';
import type { RecordedMessage } from '../double/index.js';
import { cardTexts } from '../support.js';

/** Fails unless `message` is a Components V2 card within every limit of one, with mentions off. */
export function expectCardWithinLimits(message: RecordedMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(message.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
  expect(message.embeds).toEqual([]);
  expect(message.content).toBe('');
  expect(cardViolations(message.components as APIMessageTopLevelComponent[], message.attachments.map((f) => f.filename))).toEqual([]);
  expect(flattenComponents(message.components).length).toBeLessThanOrEqual(COMPONENTS_V2.COMPONENTS_MAX);
  expect(cardTexts(message).join('').length).toBeLessThanOrEqual(COMPONENTS_V2.TEXT_TOTAL_MAX);
}
