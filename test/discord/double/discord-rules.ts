/**
 * Discord rules the OpenAPI schema cannot express, checked after it: the 6 000-character total of
 * all embeds of a message, empty messages, Components V2 (no content or embeds beside them, 40
 * components and 4 000 characters of text at most, layout components only with the flag), the limits of modals, and the naming rules of
 * application commands. Lengths
 * count code points, as Discord's backend does (and as the spec validator's `maxLength` does).
 */
import { LIMITS } from './constants.js';
import type { SpecOperation } from './openapi-validator.js';
import type { ViolationIssue } from './types.js';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function length(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

/** Title + description + field names and values + footer text + author name, of one embed. */
export function embedTextLength(embed: unknown): number {
  if (!isObj(embed)) return 0;
  let total = length(embed.title) + length(embed.description);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) if (isObj(field)) total += length(field.name) + length(field.value);
  }
  if (isObj(embed.footer)) total += length(embed.footer.text);
  if (isObj(embed.author)) total += length(embed.author.name);
  return total;
}

/** Every component of a message at any depth (rows' buttons, containers' children, sections' accessories). */
export function nestedComponents(components: unknown): Obj[] {
  const out: Obj[] = [];
  const visit = (c: unknown) => {
    if (!isObj(c)) return;
    out.push(c);
    if (Array.isArray(c.components)) c.components.forEach(visit);
    if (c.accessory !== undefined) visit(c.accessory);
  };
  if (Array.isArray(components)) components.forEach(visit);
  return out;
}

const flagsOf = (message: Obj): number => (typeof message.flags === 'number' ? message.flags : 0);

/**
 * Components V2 rules of a message body whose message is (`v2`) or is not a Components V2 one:
 * with the flag, no content and no embeds, at most 40 components and 4 000 characters of text
 * displays; without it, only action rows at the top. Custom ids are unique in either.
 */
export function componentIssues(message: unknown, base: string, v2: boolean): ViolationIssue[] {
  if (!isObj(message)) return [];
  const issues: ViolationIssue[] = [];
  const all = nestedComponents(message.components);
  if (v2) {
    for (const legacy of ['content', 'embeds'] as const) {
      const value = message[legacy];
      if ((typeof value === 'string' && value.length > 0) || (Array.isArray(value) && value.length > 0)) {
        issues.push({ path: `${base}/${legacy}`, code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', message: `The '${legacy}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2` });
      }
    }
    if (all.length > LIMITS.COMPONENTS_V2_MAX) issues.push({ path: `${base}/components`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.COMPONENTS_V2_MAX} or fewer in length (nested components counted, got ${all.length}).` });
    const text = all.filter((c) => c.type === 10).reduce((n, c) => n + length(c.content), 0);
    if (text > LIMITS.COMPONENTS_V2_TEXT_MAX) issues.push({ path: `${base}/components`, code: 'MAX_COMPONENTS_V2_TEXT_LENGTH_EXCEEDED', message: `Text displays exceed ${LIMITS.COMPONENTS_V2_TEXT_MAX} characters in all (got ${text})` });
  } else if (Array.isArray(message.components)) {
    message.components.forEach((c: unknown, i) => {
      if (isObj(c) && c.type !== 1) issues.push({ path: `${base}/components/${i}/type`, code: 'COMPONENT_LAYOUT_INVALID', message: `Component of type ${String(c.type)} needs MessageFlags.IS_COMPONENTS_V2.` });
    });
  }
  const seen = new Set<string>();
  for (const c of all) {
    if (typeof c.custom_id !== 'string') continue;
    if (seen.has(c.custom_id)) issues.push({ path: `${base}/components`, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
    seen.add(c.custom_id);
  }
  return issues;
}

/**
 * Limits of a message body (create or edit); `base` is the JSON pointer of the message in the body.
 * A new message is a Components V2 one when its flags say so; an edit (`creates` false) may be of
 * one without saying so, which only the message's state tells (`interactions.ts` checks it).
 */
export function messageIssues(message: unknown, base: string, creates = true): ViolationIssue[] {
  if (!isObj(message)) return [];
  const v2 = (flagsOf(message) & LIMITS.COMPONENTS_V2_FLAG) !== 0;
  const issues: ViolationIssue[] = v2 || creates ? componentIssues(message, base, v2) : [];
  if (length(message.content) > LIMITS.CONTENT_MAX) {
    issues.push({ path: `${base}/content`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.CONTENT_MAX} or fewer in length.` });
  }
  const allowed = message.allowed_mentions;
  if (isObj(allowed) && Array.isArray(allowed.parse)) {
    for (const kind of ['users', 'roles'] as const) {
      if (allowed.parse.includes(kind) && Array.isArray(allowed[kind]) && allowed[kind].length > 0) {
        issues.push({
          path: `${base}/allowed_mentions/${kind}`,
          code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          message: `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`,
        });
      }
    }
  }
  if (Array.isArray(message.embeds)) {
    if (message.embeds.length > LIMITS.EMBEDS_MAX) {
      issues.push({ path: `${base}/embeds`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.EMBEDS_MAX} or fewer in length.` });
    }
    const total = message.embeds.reduce((sum: number, embed) => sum + embedTextLength(embed), 0);
    if (total > LIMITS.EMBEDS_TOTAL_MAX) {
      issues.push({
        path: `${base}/embeds`,
        code: 'MAX_EMBED_SIZE_EXCEEDED',
        message: `Embed size exceeds maximum size of ${LIMITS.EMBEDS_TOTAL_MAX} (got ${total})`,
      });
    }
  }
  return issues;
}

/** A new message with nothing to show: no content, embeds, components, attachments, files, poll or sticker. */
export function isEmptyMessage(message: unknown, fileCount: number): boolean {
  if (fileCount > 0) return false;
  if (!isObj(message)) return true;
  const nonEmptyArray = (value: unknown) => Array.isArray(value) && value.length > 0;
  return !(
    length(message.content) > 0 ||
    nonEmptyArray(message.embeds) ||
    nonEmptyArray(message.components) ||
    nonEmptyArray(message.attachments) ||
    nonEmptyArray(message.sticker_ids) ||
    isObj(message.poll)
  );
}

/** A text input's own rules: lengths that can be met, a prefilled value within them. */
function textInputIssues(input: Obj, at: string): ViolationIssue[] {
  const issues: ViolationIssue[] = [];
  const min = typeof input.min_length === 'number' ? input.min_length : 0;
  const max = typeof input.max_length === 'number' ? input.max_length : 4_000;
  if (min > max) issues.push({ path: `${at}/min_length`, code: 'TEXT_INPUT_LENGTH_INVALID', message: 'min_length must be less than or equal to max_length.' });
  if (length(input.value) > max) issues.push({ path: `${at}/value`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  return issues;
}

/**
 * Rules of a modal (callback type 9) beyond its schema: at most 5 components (the spec's schema
 * allows 40, Discord's docs and API take 5), one text input per legacy action row and a `label`
 * on it (inside a Label, the Label carries it), and input custom ids unique within the modal.
 */
export function modalIssues(modal: unknown, base: string): ViolationIssue[] {
  if (!isObj(modal) || !Array.isArray(modal.components)) return [];
  const issues: ViolationIssue[] = [];
  if (modal.components.length > LIMITS.MODAL_COMPONENTS_MAX) {
    issues.push({ path: `${base}/components`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.MODAL_COMPONENTS_MAX} or fewer in length.` });
  }
  const seen = new Set<string>();
  const input = (component: unknown, at: string) => {
    if (!isObj(component) || component.type !== 4) return;
    issues.push(...textInputIssues(component, at));
    if (typeof component.custom_id === 'string') {
      if (seen.has(component.custom_id)) issues.push({ path: `${at}/custom_id`, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      seen.add(component.custom_id);
    }
  };
  modal.components.forEach((row: unknown, i) => {
    const at = `${base}/components/${i}`;
    if (!isObj(row)) return;
    if (row.type === 18) input(row.component, `${at}/component`);
    if (row.type !== 1 || !Array.isArray(row.components)) return;
    if (row.components.length > LIMITS.MODAL_ROW_INPUTS_MAX) {
      issues.push({ path: `${at}/components`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.MODAL_ROW_INPUTS_MAX} or fewer in length.` });
    }
    row.components.forEach((c: unknown, j) => {
      input(c, `${at}/components/${j}`);
      if (isObj(c) && c.type === 4 && length(c.label) === 0) issues.push({ path: `${at}/components/${j}/label`, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    });
  });
  return issues;
}

// Names of chat-input commands and options (interactions/application-commands, "naming").
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function nameIssues(name: unknown, path: string, lowercase: boolean): ViolationIssue[] {
  if (typeof name !== 'string') return [];
  if (lowercase && (!NAME.test(name) || name !== name.toLocaleLowerCase())) {
    return [{ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid: "${name}" (lower case, no spaces, 1-32).` }];
  }
  return [];
}

function descriptionIssues(description: unknown, path: string): ViolationIssue[] {
  const n = length(description);
  if (n < 1 || n > LIMITS.COMMAND_DESCRIPTION_MAX) {
    return [{ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${LIMITS.COMMAND_DESCRIPTION_MAX} in length.` }];
  }
  return [];
}

function duplicateIssues(items: readonly unknown[], path: string, code: string): ViolationIssue[] {
  const seen = new Set<string>();
  const issues: ViolationIssue[] = [];
  items.forEach((item, i) => {
    if (!isObj(item) || typeof item.name !== 'string') return;
    const key = `${String(item.type ?? 1)}:${item.name}`;
    if (seen.has(key)) issues.push({ path: `${path}/${i}/name`, code, message: `Duplicate name "${item.name}".` });
    seen.add(key);
  });
  return issues;
}

function optionIssues(options: unknown, path: string): ViolationIssue[] {
  if (!Array.isArray(options)) return [];
  const issues: ViolationIssue[] = [...duplicateIssues(options, path, 'APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME')];
  let optionalSeen = false;
  options.forEach((option, i) => {
    if (!isObj(option)) return;
    const at = `${path}/${i}`;
    issues.push(...nameIssues(option.name, `${at}/name`, true), ...descriptionIssues(option.description, `${at}/description`));
    const isSub = option.type === 1 || option.type === 2;
    if (!isSub) {
      if (option.required === true && optionalSeen) {
        issues.push({ path: `${at}/required`, code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
      }
      if (option.required !== true) optionalSeen = true;
    }
    if (Array.isArray(option.choices) && option.choices.length > LIMITS.CHOICES_MAX) {
      issues.push({ path: `${at}/choices`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.CHOICES_MAX} or fewer in length.` });
    }
    if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length > 0) {
      issues.push({ path: `${at}/autocomplete`, code: 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID', message: 'Autocomplete cannot be used with choices' });
    }
    issues.push(...optionIssues(option.options, `${at}/options`));
  });
  return issues;
}

/** Rules of one command definition (POST/PATCH body, or one item of a PUT). */
export function commandIssues(command: unknown, path: string): ViolationIssue[] {
  if (!isObj(command)) return [];
  const chatInput = command.type === undefined || command.type === null || command.type === 1;
  if (!chatInput) return [];
  return [
    ...nameIssues(command.name, `${path}/name`, true),
    ...descriptionIssues(command.description, `${path}/description`),
    ...optionIssues(command.options, `${path}/options`),
  ];
}

/** Rules of a bulk overwrite (PUT): each command, and no two commands of one type with one name. */
export function bulkCommandIssues(commands: unknown): ViolationIssue[] {
  if (!Array.isArray(commands)) return [];
  return [
    ...duplicateIssues(commands, '', 'APPLICATION_COMMANDS_DUPLICATE_NAME'),
    ...commands.flatMap((command, i) => commandIssues(command, `/${i}`)),
  ];
}

/** Discord rules beyond the schema for a request body, by the OpenAPI operation it matched. */
export function ruleIssuesFor(operation: Pick<SpecOperation, 'template'>, method: string, body: unknown): ViolationIssue[] {
  const obj = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  switch (operation.template) {
    case '/interactions/{interaction_id}/{interaction_token}/callback':
      if (obj !== null && obj.type === 9) return modalIssues(obj.data, '/data');
      return obj !== null && (obj.type === 4 || obj.type === 7) ? messageIssues(obj.data, '/data', obj.type === 4) : [];
    case '/webhooks/{webhook_id}/{webhook_token}':
      return messageIssues(body, '', method === 'POST');
    case '/webhooks/{webhook_id}/{webhook_token}/messages/@original':
    case '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}':
      return messageIssues(body, '', false);
    case '/applications/{application_id}/commands':
    case '/applications/{application_id}/guilds/{guild_id}/commands':
      return method === 'PUT' ? bulkCommandIssues(body) : commandIssues(body, '');
    case '/applications/{application_id}/commands/{command_id}':
    case '/applications/{application_id}/guilds/{guild_id}/commands/{command_id}':
      return commandIssues(body, '');
    default:
      return [];
  }
}
