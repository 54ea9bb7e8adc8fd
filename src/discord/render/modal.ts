/**
 * The one path every modal (form) of the bot is built by, as `payload.ts` is for messages: a
 * {@link DiscordModal} can only be made here (its type is branded), each field is a Label holding
 * one text input (Discord's current layout; a text input's own `label` is deprecated), and every
 * limit of `MODAL` in `limits.ts` is checked by {@link modalViolations}. `respond.ts` shows them.
 */
import { ComponentType, TextInputStyle, type APILabelComponent, type APIModalInteractionResponseCallbackData, type APITextInputComponent } from 'discord.js';
import { MODAL } from '../limits.js';
import { cutPlain } from './safe-text.js';

declare const built: unique symbol;

/** A modal that went through this module; `respond.ts` shows nothing else. */
export interface DiscordModal {
  readonly data: APIModalInteractionResponseCallbackData;
  readonly [built]: true;
}

/** One field of a form. */
export interface ModalField {
  /** The text input's custom id: what the submit's values are keyed by. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly style: 'short' | 'paragraph';
  readonly required: boolean;
  readonly maxLength: number;
  readonly minLength?: number;
  /** Prefilled text (cut to `maxLength` if longer). */
  readonly value?: string;
  readonly placeholder?: string;
}

/** Text cut to `max` characters at a word; Discord shows labels and placeholders without Markdown. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : cutPlain(text, max);
}

function textInput(f: ModalField): APITextInputComponent {
  const max = Math.min(f.maxLength, MODAL.TEXT_INPUT_VALUE_MAX);
  const value = f.value === undefined ? '' : f.value.slice(0, max);
  return {
    type: ComponentType.TextInput,
    custom_id: f.id,
    style: f.style === 'short' ? TextInputStyle.Short : TextInputStyle.Paragraph,
    required: f.required,
    max_length: max,
    ...(f.minLength !== undefined ? { min_length: Math.min(f.minLength, max) } : {}),
    ...(value !== '' ? { value } : {}),
    ...(f.placeholder ? { placeholder: fit(f.placeholder, MODAL.TEXT_INPUT_PLACEHOLDER_MAX) } : {}),
  };
}

function label(f: ModalField): APILabelComponent {
  return {
    type: ComponentType.Label,
    label: fit(f.label, MODAL.LABEL_MAX),
    ...(f.description ? { description: fit(f.description, MODAL.LABEL_DESCRIPTION_MAX) } : {}),
    component: textInput(f),
  };
}

/** A form: its custom id (see `moderation/custom-ids.ts`), its title and at most five fields. Throws past a limit (a bug of ours). */
export function modalOf(customId: string, title: string, fields: readonly ModalField[]): DiscordModal {
  const modal = { data: { custom_id: customId, title: fit(title, MODAL.TITLE_MAX), components: fields.map(label) } } as unknown as DiscordModal;
  const problems = modalViolations(modal.data);
  if (problems.length > 0) throw new Error(`recoupe: modal outside Discord's limits: ${problems.join('; ')}`);
  return modal;
}

/** Every way a modal breaks a limit of Discord's; empty when it is fine. Used on every modal, and by the tests. */
export function modalViolations(data: APIModalInteractionResponseCallbackData): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  check(Buffer.byteLength(data.custom_id, 'utf8') <= MODAL.CUSTOM_ID_MAX, 'custom_id over 100');
  check(data.title.length > 0 && data.title.length <= MODAL.TITLE_MAX, 'title empty or over 45');
  check(data.components.length > 0 && data.components.length <= MODAL.COMPONENTS_MAX, 'no component, or more than 5');
  const ids = new Set<string>();
  for (const c of data.components) {
    if (c.type !== ComponentType.Label || c.component.type !== ComponentType.TextInput) {
      out.push('only labels holding a text input');
      continue;
    }
    const input = c.component;
    check(c.label.length > 0 && c.label.length <= MODAL.LABEL_MAX, 'label empty or over 45');
    check((c.description ?? '').length <= MODAL.LABEL_DESCRIPTION_MAX, 'description over 100');
    check(input.custom_id.length > 0 && input.custom_id.length <= MODAL.TEXT_INPUT_CUSTOM_ID_MAX && !ids.has(input.custom_id), 'input custom_id empty, over 100 or repeated');
    ids.add(input.custom_id);
    const max = input.max_length ?? MODAL.TEXT_INPUT_VALUE_MAX;
    check(max >= 1 && max <= MODAL.TEXT_INPUT_VALUE_MAX && (input.min_length ?? 0) <= max, 'lengths out of range');
    check((input.value ?? '').length <= max, 'value over max_length');
    check((input.placeholder ?? '').length <= MODAL.TEXT_INPUT_PLACEHOLDER_MAX, 'placeholder over 100');
  }
  return out;
}
