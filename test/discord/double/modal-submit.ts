/**
 * What Discord's client sends when a user submits a modal the bot showed: a modal submit
 * interaction (type 5) with the modal's custom id and each text input's value, in the modal's
 * layout (Labels, or the legacy action rows), from the same user, server, channel and language as
 * the interaction the modal answered, and with that interaction's `message` when a button opened
 * it. The client enforces what the modal declares (required fields, lengths), so a submission
 * that breaks it is a mistake in the test, thrown at once.
 */
import { ComponentType, InteractionType } from 'discord-api-types/v10';
import type { APIInteraction, APIModalSubmitInteraction } from 'discord-api-types/v10';
import { randomToken, snowflake } from './snowflake.js';

type Obj = Record<string, unknown>;

/** What a test may change in a submission (a forged one: another member's permissions). */
export interface SubmitModalOptions {
  /** `member.permissions` of the submitter instead of the original interaction's. */
  readonly memberPermissions?: string;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text input as submitted: the typed value, or the prefilled one when the test typed nothing. */
function submittedInput(input: Obj, values: Readonly<Record<string, string>>, used: Set<string>, id: number): Obj {
  const customId = String(input.custom_id);
  used.add(customId);
  const value = values[customId] ?? (typeof input.value === 'string' ? input.value : '');
  const length = [...value].length;
  const required = input.required !== false;
  if (required && length === 0) throw new Error(`DiscordDouble: the client does not submit a modal with the required field "${customId}" empty`);
  if (typeof input.max_length === 'number' && length > input.max_length) throw new Error(`DiscordDouble: "${customId}" is longer than its max_length ${input.max_length}`);
  if (length > 0 && typeof input.min_length === 'number' && length < input.min_length) throw new Error(`DiscordDouble: "${customId}" is shorter than its min_length ${input.min_length}`);
  return { type: ComponentType.TextInput, id, custom_id: customId, value };
}

/**
 * The modal submit for `modal` (the `data` of the bot's type-9 callback) shown in answer to
 * `original`, with `values` by text input custom id.
 */
export function modalSubmission(original: APIInteraction, modal: unknown, values: Readonly<Record<string, string>>, options: SubmitModalOptions = {}): APIModalSubmitInteraction {
  if (!isObj(modal) || !Array.isArray(modal.components)) throw new Error('DiscordDouble: not a modal');
  const used = new Set<string>();
  let next = 1;
  const components = modal.components.map((c: unknown) => {
    if (!isObj(c)) return c;
    const id = typeof c.id === 'number' ? c.id : next++;
    if (c.type === ComponentType.Label && isObj(c.component)) {
      const inner = c.component;
      return { type: ComponentType.Label, id, component: submittedInput(inner, values, used, typeof inner.id === 'number' ? inner.id : next++) };
    }
    if (c.type === ComponentType.ActionRow && Array.isArray(c.components)) {
      return { type: ComponentType.ActionRow, id, components: c.components.filter(isObj).map((inner) => submittedInput(inner, values, used, typeof inner.id === 'number' ? inner.id : next++)) };
    }
    return { type: c.type, id };
  });
  const unknown = Object.keys(values).filter((k) => !used.has(k));
  if (unknown.length > 0) throw new Error(`DiscordDouble: the modal has no field ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const { id: _id, token: _token, type: _type, data: _data, message, ...context } = original as APIInteraction & { message?: unknown };
  const member = 'member' in context && context.member && options.memberPermissions !== undefined ? { member: { ...context.member, permissions: options.memberPermissions } } : {};
  return {
    ...context,
    ...member,
    id: snowflake(),
    token: randomToken(),
    type: InteractionType.ModalSubmit,
    data: { custom_id: String(modal.custom_id), components },
    ...(original.type === InteractionType.MessageComponent && message ? { message } : {}),
  } as unknown as APIModalSubmitInteraction;
}
