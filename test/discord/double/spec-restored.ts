/**
 * Constraints of Discord's OpenAPI spec that the generated zod schemas of `discord-api-spec` lose,
 * restored for the bodies the double serves so that it rejects what Discord would:
 * - integers: the generator turns an `integer` without `format: int32` into a plain number, so
 *   `color: 1.5` or `flags: 0.5` would pass;
 * - `uniqueItems`: not generated at all, so `contexts: [0, 0]` would pass.
 * The fields are the ones of the spec's request schemas for those bodies (message, components,
 * embeds, application commands); each is an integer, or a unique list, wherever it appears there.
 */
import type { ViolationIssue } from './types.js';

/** Properties that are integers wherever they appear in a served body. */
const INTEGER_PROPERTIES = new Set([
  'flags',
  'color',
  'accent_color',
  'min_values',
  'max_values',
  'min_length',
  'max_length',
  'width',
  'height',
  'placeholder_version',
  'default_member_permissions',
]);

/** Properties that are integers in an INTEGER command option (`type` 4) and its choices. */
const INTEGER_OPTION_PROPERTIES = ['min_value', 'max_value'] as const;
const INTEGER_OPTION_TYPE = 4;

/** Lists whose items must be distinct (`uniqueItems` in the spec). */
const UNIQUE_PROPERTIES = new Set(['contexts', 'integration_types', 'channel_types']);
/** Lists of `allowed_mentions` whose items must be distinct. */
const UNIQUE_MENTION_LISTS = ['parse', 'users', 'roles'] as const;

function hasDuplicates(value: unknown): boolean {
  return Array.isArray(value) && new Set(value.map((v) => JSON.stringify(v))).size < value.length;
}

function duplicatesIssue(path: string): ViolationIssue {
  return { path, code: 'BASE_TYPE_DUPLICATES', message: 'Items must be unique.' };
}

function notInteger(value: unknown): boolean {
  return typeof value === 'number' && !Number.isInteger(value);
}

function integerIssue(path: string): ViolationIssue {
  return { path, code: 'BASE_TYPE_BAD_TYPE', message: 'Value must be integer.' };
}

/** The restored constraints broken anywhere in `body` (JSON pointers from its root). */
export function restoredIssues(body: unknown, path = ''): ViolationIssue[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => restoredIssues(item, `${path}/${i}`));
  if (typeof body !== 'object' || body === null) return [];
  const node = body as Record<string, unknown>;
  const issues: ViolationIssue[] = [];
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (INTEGER_PROPERTIES.has(key) && notInteger(value)) issues.push(integerIssue(at));
    if (UNIQUE_PROPERTIES.has(key) && hasDuplicates(value)) issues.push(duplicatesIssue(at));
    if (key === 'allowed_mentions' && typeof value === 'object' && value !== null) {
      for (const list of UNIQUE_MENTION_LISTS) if (hasDuplicates((value as Record<string, unknown>)[list])) issues.push(duplicatesIssue(`${at}/${list}`));
    }
    issues.push(...restoredIssues(value, at));
  }
  if (node.type === INTEGER_OPTION_TYPE) {
    for (const key of INTEGER_OPTION_PROPERTIES) if (notInteger(node[key])) issues.push(integerIssue(`${path}/${key}`));
    if (Array.isArray(node.choices)) {
      node.choices.forEach((choice, i) => {
        if (typeof choice === 'object' && choice !== null && notInteger((choice as Record<string, unknown>).value)) {
          issues.push(integerIssue(`${path}/choices/${i}/value`));
        }
      });
    }
  }
  return issues;
}
