/**
 * What the moderators' end-to-end tests share: a moderator's and a member's permissions, and
 * driving the bot through the double as a moderator would (a slash command, a button of a
 * message the bot sent, a form submitted), each checked to be acknowledged within 3 s.
 */
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { expect } from 'vitest';
import { INTERACTION } from '../../../src/discord/limits.js';
import { MEMBER_PERMISSIONS, type DiscordDouble, type InteractionHandle, type InteractionTranscript, type RecordedMessage } from '../double/index.js';
import { buttonsOf as everyButton, containersOf, type ContainerView } from '../support.js';

/** `member.permissions` of a moderator: a member's, plus Manage Messages. */
export const MODERATOR = (BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageMessages).toString();
/** `member.permissions` of an administrator without Manage Messages (Administrator implies it). */
export const ADMINISTRATOR = (BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.Administrator).toString();
/** `member.permissions` of a member who may read and write, not moderate. */
export const MEMBER = MEMBER_PERMISSIONS;

/** Where and as whom an interaction is sent. */
export interface As {
  readonly guildId?: string | null;
  readonly locale?: 'fr' | 'en-US';
  readonly permissions?: string;
  /** Who installed the app (see the double's fixtures). [the server] */
  readonly install?: 'guild' | 'user' | 'both';
}

/** A message's text as its reader sees it: the content with Markdown escapes removed. */
export function said(message: RecordedMessage | null | undefined): string {
  return (message?.content ?? '').replace(/\\(.)/gu, '$1');
}

/** The buttons of a message, flattened (at any depth: an action row's, a card container's). */
export function buttonsOf(message: RecordedMessage | null | undefined): RecordedButton[] {
  return everyButton(message) as RecordedButton[];
}

/** The heading (`### …`) of a card's container, its Markdown escapes removed; undefined when it has none. */
export function headingOf(container: ContainerView): string | undefined {
  return /^### (.*)$/mu.exec(container.text)?.[1]?.replace(/\\(.)/gu, '$1');
}

/** The headings of a card's containers (the outlets of `/compare`, `/sources`), in order. */
export function headingsOf(message: RecordedMessage | null | undefined): string[] {
  return containersOf(message).flatMap((c) => headingOf(c) ?? []);
}

/** The one container of a card headed `title` (an outlet of `/compare`, `/sources`); fails when there are none or several. */
export function containerHeaded(message: RecordedMessage | null | undefined, title: string): ContainerView {
  const found = containersOf(message).filter((c) => headingOf(c) === title);
  expect(found.map(headingOf), `containers headed ${title} in ${JSON.stringify(message?.components)}`).toEqual([title]);
  return found[0] as ContainerView;
}

/** One entry a card's container lists (an article of `/sources`): its `**name**` line, and the line(s) of its value under it. */
export interface Listed {
  readonly name: string;
  readonly value: string;
}

/** The entries a container lists, in order (its heading and description, unbolded, come first and are left out). */
export function listedIn(container: ContainerView): Listed[] {
  const out: Array<{ name: string; value: string[] }> = [];
  for (const line of container.text.split('\n')) {
    const name = /^\*\*(.*)\*\*$/u.exec(line)?.[1];
    if (name !== undefined) out.push({ name, value: [] });
    else out.at(-1)?.value.push(line);
  }
  return out.map((l) => ({ name: l.name, value: l.value.join('\n') }));
}

/** A button as the double recorded it (an emoji button has no label, a link button no custom id). */
export interface RecordedButton {
  readonly custom_id?: string;
  readonly label: string;
  readonly emoji?: { readonly name: string };
  readonly disabled?: boolean;
  readonly style: number;
}

/** Whether a message (or a callback's data) is seen by the one who asked only. */
export function isEphemeral(message: { readonly flags?: number | null } | null | undefined): boolean {
  return ((message?.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;
}

/** The custom id of the button of `message` whose id starts with `tag` (`dp1`, `ar1`…). */
export function buttonId(message: RecordedMessage | null | undefined, tag: string): string {
  const found = buttonsOf(message).find((b) => b.custom_id?.startsWith(`${tag}:`))?.custom_id;
  if (!found) throw new Error(`no ${tag} button on ${JSON.stringify(message?.components)}`);
  return found;
}

/** Drives the bot as users of the double's servers. */
export class Moderator {
  constructor(private readonly double: DiscordDouble) {}

  /** Sends an interaction and checks its first response came within Discord's 3 s. */
  private async acknowledged(handle: InteractionHandle): Promise<InteractionHandle> {
    const callback = await handle.waitForCallback(10_000);
    expect(callback.afterMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
    return handle;
  }

  /** A slash command (`/article add`…), with string options and attachments. */
  async slash(name: string, subcommand: string | undefined, options: Record<string, string> = {}, as: As = {}, attachments: Parameters<DiscordDouble['fixtures']['chatInput']>[0]['attachments'] = {}): Promise<InteractionHandle> {
    const payload = this.double.fixtures.chatInput({
      name,
      ...(subcommand ? { subcommand } : {}),
      options,
      attachments,
      locale: as.locale ?? 'fr',
      memberPermissions: as.permissions ?? MODERATOR,
      ...(as.guildId !== undefined ? { guildId: as.guildId } : {}),
      ...(as.install ? { install: as.install } : {}),
    });
    return this.acknowledged(await this.double.sendInteraction(payload));
  }

  /** Presses a button of a message the bot sent (the message as the double recorded it). */
  async press(message: RecordedMessage, customId: string, as: As = {}): Promise<InteractionHandle> {
    const payload = this.double.fixtures.button({
      customId,
      locale: as.locale ?? 'fr',
      memberPermissions: as.permissions ?? MODERATOR,
      ...(as.guildId !== undefined ? { guildId: as.guildId } : {}),
      ...(as.install ? { install: as.install } : {}),
      message: { id: message.id, content: message.content, embeds: [...message.embeds], components: [...(message.components as never[])], flags: message.flags },
    });
    return this.acknowledged(await this.double.sendInteraction(payload));
  }

  /** Submits the form the bot showed in answer to `opened`. */
  async submit(opened: InteractionHandle, values: Record<string, string>, permissions?: string): Promise<InteractionHandle> {
    return this.acknowledged(await this.double.submitModal(opened.id, values, permissions ? { memberPermissions: permissions } : {}));
  }

  /** The message an interaction ended with (its final original response, or the message it updated). */
  async final(handle: InteractionHandle, editCount?: number): Promise<RecordedMessage> {
    const done = (t: InteractionTranscript) => t.original !== null && !t.original.loading && (editCount === undefined || t.original.editCount >= editCount);
    const t = await handle.waitForMessage(done, 10_000);
    return t.original as RecordedMessage;
  }
}
