/**
 * The one module that sends messages to Discord. It only sends {@link DiscordReply} payloads,
 * which only `render/payload.ts` can build, so every reply, edit, update and
 * follow-up carries `allowedMentions: { parse: [] }` and stays within limits. It also owns the
 * 3-second rule: answer at once when the answer is ready, otherwise defer first and edit.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type ModalMessageModalSubmitInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { DiscordModal } from './render/modal.js';
import type { DiscordReply } from './render/payload.js';
import type { Choice } from './autocomplete.js';
import { COMMAND, INTERACTION } from './limits.js';

/** Interactions the bot answers with a message. */
export type Answerable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Interactions that may change the message they come from: a button, or a form opened by a button. */
export type Updatable = ButtonInteraction | ModalMessageModalSubmitInteraction;

/** Interactions that may answer with a form: a slash command or a button, never a form (Discord refuses it). */
export type ModalOpener = ChatInputCommandInteraction | ButtonInteraction;

/** Whether `i` can change the message it comes from. */
export function isUpdatable(i: Answerable): i is Updatable {
  return i.isButton() || (i.isModalSubmit() && i.isFromMessage());
}

/** The message body common to every way of sending: content, embeds, buttons (or a card), files, mentions off. */
function body(r: DiscordReply) {
  return {
    // A card (IS_COMPONENTS_V2) is components only: Discord refuses content and embeds beside it.
    ...(r.card ? { components: [...r.card] } : { ...(r.content !== undefined ? { content: r.content } : {}), embeds: [...r.embeds], components: [...r.components] }),
    allowedMentions: { parse: [] },
    // discord.js then sends multipart/form-data: the JSON as `payload_json`, each file as `files[n]`.
    ...(r.files ? { files: r.files.map((f) => ({ attachment: Buffer.from(f.data), name: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
  };
}

/** Flags of a new message: ephemeral if asked (only a first response or a follow-up can say so), a card's, no previews on text. */
function createFlags(r: DiscordReply): number {
  return (r.ephemeral ? MessageFlags.Ephemeral : 0) | (editFlags(r).flags ?? 0);
}

/**
 * Flags of an edit: it cannot change ephemerality; it can ask for no previews, and make the
 * message a card (Discord keeps that flag for good once set).
 */
function editFlags(r: DiscordReply): { flags?: number } {
  const flags = (r.card ? MessageFlags.IsComponentsV2 : 0) | (r.suppressEmbeds ? MessageFlags.SuppressEmbeds : 0);
  return flags !== 0 ? { flags } : {};
}

/** What an edit replaces: every part of the message the reply does not have is cleared, except on a card (which has none of them). */
function cleared(r: DiscordReply, content: '' | null) {
  return r.card ? {} : { content: r.content ?? content };
}

/** First response: a new message. */
export async function reply(i: Answerable, r: DiscordReply): Promise<void> {
  await i.reply({ ...body(r), flags: createFlags(r) });
}

/** First response when the answer is not ready: "thinking…", ephemeral or not for good. */
export async function deferReply(i: Answerable, ephemeral: boolean): Promise<void> {
  await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/** Replaces the deferred (or first) response with the answer. Replaced content, embeds and buttons all go. */
export async function editReply(i: Answerable, r: DiscordReply): Promise<void> {
  await i.editReply({ ...cleared(r, ''), ...body(r), ...editFlags(r) });
}

/** A first response that changes the message the button (or the form's button) is on ("More", Publish). */
export async function update(i: Updatable, r: DiscordReply): Promise<void> {
  await i.update({ ...cleared(r, null), ...body(r), ...editFlags(r) });
}

/** A form as the first response (`render/modal.ts` builds it); it must come within the 3 seconds like any. */
export async function showModal(i: ModalOpener, modal: DiscordModal): Promise<void> {
  await i.showModal(modal.data);
}

/** Another message after the first response. */
export async function followUp(i: Answerable, r: DiscordReply): Promise<void> {
  await i.followUp({ ...body(r), flags: createFlags(r) });
}

/** Sends `r` whatever was sent before: a reply, the edit of a deferred reply, or a follow-up. */
export async function send(i: Answerable, r: DiscordReply): Promise<void> {
  if (i.replied) await followUp(i, r);
  else if (i.deferred) await editReply(i, r);
  else await reply(i, r);
}

/** How an interaction was acknowledged. */
export interface Acknowledged {
  /** From the interaction's arrival to Discord's answer to our first response. */
  readonly ackMs: number;
  readonly deferred: boolean;
}

/** Options of {@link answerWithin}. */
export interface AnswerWithinOptions {
  /** A new message, or an update of the message a button is on. */
  readonly mode: 'reply' | 'update';
  readonly ephemeral: boolean;
  /** `performance.now()` when the interaction arrived. */
  readonly receivedAt: number;
  /** Defer when the answer is not ready this long after arrival (default {@link INTERACTION.DEFER_AFTER_MS}). */
  readonly deferAfterMs?: number;
}

/**
 * Answers within Discord's 3 seconds: waits for `build` until {@link INTERACTION.DEFER_AFTER_MS}
 * after arrival; ready by then, it is sent as the first response; otherwise the interaction is
 * deferred first and the answer edited in when it comes. If `build` throws before anything was
 * sent, the error propagates with the interaction still unanswered (the error boundary answers).
 *
 * The engine is synchronous and answers in milliseconds, so in practice the first branch is
 * taken; the deferral covers a slow start (event loop busy) or a future asynchronous engine.
 */
export async function answerWithin(i: Answerable, o: AnswerWithinOptions, build: () => DiscordReply | Promise<DiscordReply>): Promise<Acknowledged> {
  const wait = (o.deferAfterMs ?? INTERACTION.DEFER_AFTER_MS) - (performance.now() - o.receivedAt);
  // Already late (the process was busy when the interaction came): defer before computing anything.
  const pending = wait <= 0 ? undefined : Promise.resolve().then(build);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, wait));
  });
  const first = pending ? await Promise.race([pending.then((r) => ({ r }), () => 'failed' as const), late]) : 'late';
  clearTimeout(timer);
  if (first === 'failed') {
    await pending; // rethrows, nothing sent yet
  } else if (first !== 'late') {
    if (o.mode === 'update' && isUpdatable(i)) await update(i, first.r);
    else await reply(i, first.r);
    return { ackMs: performance.now() - o.receivedAt, deferred: false };
  }
  if (o.mode === 'update' && isUpdatable(i)) await i.deferUpdate();
  else await deferReply(i, o.ephemeral);
  const ackMs = performance.now() - o.receivedAt;
  await editReply(i, await (pending ?? build()));
  return { ackMs, deferred: true };
}

/** Answers an autocomplete request; the choices are cut to Discord's 25 once more, whatever the caller passed. */
export async function respondChoices(i: AutocompleteInteraction, choices: readonly Choice[]): Promise<void> {
  await i.respond(choices.slice(0, COMMAND.AUTOCOMPLETE_CHOICES_MAX).map((c) => ({ name: c.name, value: c.value })));
}
