/**
 * Parsing what an interaction carries into the handlers' arguments, before anything runs: slash
 * command options (zod schemas derived from the command definitions, so a definition and its
 * validation cannot disagree) and the message text "Cite sources" searches for. Bad input is
 * thrown as a {@link UserError}; `error-boundary.ts` words it for the user.
 */
import { ApplicationCommandOptionType } from 'discord.js';
import { z } from 'zod';
import { UserError } from '../commands/user-error.js';
import { SLASH_COMMANDS, type SlashArgs, type SlashDefinition, type SlashName } from './commands.js';
import { OURS } from './limits.js';

/** Treats blank text as absent, the way Discord treats an omitted option. */
const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function schemaOf(def: SlashDefinition): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const o of def.options) {
    if (o.type === ApplicationCommandOptionType.String) {
      const max = o.max_length ?? OURS.QUERY_MAX;
      const text = z.string().trim().min(1).max(max);
      shape[o.name] = o.required ? z.preprocess(blankAsAbsent, text) : z.preprocess(blankAsAbsent, text.optional());
    } else {
      shape[o.name] = z.boolean().optional();
    }
  }
  return z.object(shape);
}

const schemas = new Map<SlashName, z.ZodType>(Object.entries(SLASH_COMMANDS).map(([name, def]) => [name as SlashName, schemaOf(def)]));

/**
 * Validates the options of a slash command (name → value, as the interaction carries them) into
 * the handler's typed arguments. Throws {@link UserError}: `empty-query` for a missing or blank
 * text, `query-too-long` past the option's `max_length`, `invalid-input` for anything else.
 */
export function parseSlashArgs<K extends SlashName>(name: K, raw: Readonly<Record<string, unknown>>): SlashArgs<K> {
  const result = (schemas.get(name) as z.ZodType).safeParse(raw);
  if (result.success) return result.data as SlashArgs<K>;
  const issue = result.error.issues[0];
  if (issue?.code === 'too_big') throw new UserError('query-too-long', String(issue.maximum));
  const absent = issue !== undefined && blankAsAbsent(raw[String(issue.path[0])]) === undefined;
  if (issue?.code === 'too_small' || (issue?.code === 'invalid_type' && absent)) throw new UserError('empty-query');
  throw new UserError('invalid-input', issue?.path.join('.') ?? '');
}

/**
 * The text of a message as a query for a message menu ("Cite sources", "Check this claim"):
 * Discord's mention, channel and emoji tokens and links removed (nothing to find in the
 * articles), white space collapsed, and cut at a word to `max` characters (by default
 * {@link OURS.CONTEXT_QUERY_MAX}). Throws `empty-message` if nothing is left.
 */
export function contextQuery(content: string, max: number = OURS.CONTEXT_QUERY_MAX): string {
  const text = content
    .replace(/<(?:@[!&]?|#|a?:\w+:)\d+>/gu, ' ')
    .replace(/https?:\/\/\S+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (text === '') throw new UserError('empty-message');
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, max)).trim();
}
