/**
 * Payload builders: what Discord sends (READY, GUILD_CREATE, INTERACTION_CREATE) and the message
 * objects it answers with. Shapes follow `discord-api-types/v10` (the compiler checks them) and
 * what discord.js 14 reads when it builds its structures:
 *
 * - every interaction needs `entitlements` (discord.js reduces it), `authorizing_integration_owners`,
 *   `app_permissions`, `locale`, and `member.user` (guild) or `user` (DM);
 * - `channel` (a partial channel with `id` and `type`) is what discord.js caches for
 *   `interaction.channel`; without it `channelId` is null;
 * - component interactions need a full `message`; message context menus need
 *   `data.resolved.messages[target_id]`, otherwise `interaction.targetMessage` is undefined.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIInteraction,
  ChannelFlags,
  GuildMemberFlags,
  MessageFlags,
  RoleFlags,
  UserFlags,
  APIApplicationCommandAutocompleteInteraction,
  APIAttachment,
  APIModalSubmitInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIGuildMember,
  APIInteractionDataResolved,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  LocaleString,

  GuildHubType,
  Locale} from 'discord-api-types/v10';
import type { GuildFixtureOptions } from './types.js';
import { randomToken, snowflake } from './snowflake.js';

/** Default bot token of the double. */
export const DEFAULT_TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.double.test-token-not-a-secret';
/** Default application id (also the bot user id). */
export const DEFAULT_APPLICATION_ID = '1180000000000000001';
/** Default guild id; on shard 0 of 1. */
export const DEFAULT_GUILD_ID = '1180000000000000100';
/** Default text channel id in the default guild. */
export const DEFAULT_CHANNEL_ID = '1180000000000000200';
/** Default human user who invokes commands. */
export const DEFAULT_USER: APIUser = {
  id: '1180000000000000300',
  username: 'lectrice',
  global_name: 'Lectrice',
  discriminator: '0',
  avatar: null,
  public_flags: 0 as UserFlags,
  flags: 0 as UserFlags,
};

/** Permissions of a member who may read and write in the channel (strings, as Discord sends them). */
export const MEMBER_PERMISSIONS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.SendMessagesInThreads
).toString();

/** `app_permissions` of the bot in the channel. */
export const APP_PERMISSIONS = MEMBER_PERMISSIONS;

const JOINED_AT = '2024-01-01T00:00:00.000000+00:00';

/** The bot's user object. */
export function botUserFixture(applicationId: string, overrides: Partial<APIUser> = {}): APIUser {
  return {
    id: applicationId,
    username: 'recoupe-double',
    global_name: null,
    discriminator: '0001',
    avatar: null,
    bot: true,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    ...overrides,
  };
}

function member(user: APIUser, roles: string[] = []): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  };
}

/** Everything needed to build a guild's GUILD_CREATE. */
export interface GuildContext {
  readonly botUser: APIUser;
}

/** A guild with defaults filled in (what the double serves). */
export interface ResolvedGuild {
  readonly id: string;
  readonly name: string;
  readonly channelId: string;
  readonly channelName: string;
  readonly locale: string;
  readonly members: readonly APIUser[];
}

/** Fills the defaults of a guild option: the first guild gets the `DEFAULT_*` ids, others fresh ones. */
export function resolveGuild(options: GuildFixtureOptions, index: number): ResolvedGuild {
  return {
    id: options.id ?? (index === 0 ? DEFAULT_GUILD_ID : snowflake()),
    name: options.name ?? (index === 0 ? 'Rédaction' : `Rédaction ${index + 1}`),
    channelId: options.channelId ?? (index === 0 ? DEFAULT_CHANNEL_ID : snowflake()),
    channelName: options.channelName ?? 'questions',
    locale: options.locale ?? 'fr',
    members: options.members ?? [],
  };
}

/**
 * A plausible full GUILD_CREATE payload: one text channel, `@everyone` plus the bot's managed
 * role, the bot and `DEFAULT_USER` as members. Enough for discord.js to cache guild, channel,
 * roles and members (`interaction.guild`, `interaction.channel`, `guild.members.me`).
 */
export function guildCreateFixture(guild: ResolvedGuild, context: GuildContext): GatewayGuildCreateDispatchData {
  const botRoleId = (BigInt(guild.id) + 1n).toString();
  const everyone: APIRole = {
    id: guild.id,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: MEMBER_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
  const botRole: APIRole = {
    ...everyone,
    id: botRoleId,
    name: context.botUser.username,
    position: 1,
    permissions: APP_PERMISSIONS,
    managed: true,
    tags: { bot_id: context.botUser.id },
  };
  const users = [DEFAULT_USER, ...guild.members];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: DEFAULT_USER.id,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [everyone, botRole],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channelId,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.locale as Locale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    approximate_member_count: users.length + 1,
    approximate_presence_count: 1,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null as GuildHubType | null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    // GUILD_CREATE extras
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: users.length + 1,
    voice_states: [],
    members: [member(context.botUser, [botRoleId]), ...users.map((user) => member(user))],
    channels: [
      {
        id: guild.channelId,
        type: ChannelType.GuildText,
        guild_id: guild.id,
        name: guild.channelName,
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        last_pin_timestamp: null,
        rate_limit_per_user: 0,
        default_auto_archive_duration: 1440,
        default_thread_rate_limit_per_user: 0,
        flags: 0 as ChannelFlags,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Fields of READY the double varies. */
export interface ReadyContext {
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly guildIds: readonly string[];
  readonly sessionId: string;
  readonly resumeGatewayUrl: string;
  readonly shard: readonly [number, number];
}

/** The READY dispatch data: guilds are listed unavailable, GUILD_CREATE follows for each. */
export function readyFixture(context: ReadyContext): GatewayReadyDispatchData {
  return {
    v: 10,
    user: context.botUser,
    guilds: context.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: context.sessionId,
    resume_gateway_url: context.resumeGatewayUrl,
    shard: [context.shard[0], context.shard[1]],
    // flags: GATEWAY_MESSAGE_CONTENT_LIMITED (1<<19), as for a bot without the privileged intent.
    application: { id: context.applicationId, flags: 1 << 19, flags_new: String(1 << 19) },
  };
}

// ---------------------------------------------------------------------------------------------
// Interactions

/** Where and by whom an interaction happens. Defaults: the default guild, channel and user, French. */
export interface InteractionContextOptions {
  readonly id?: string;
  readonly token?: string;
  readonly applicationId?: string;
  /** `null` for a DM interaction (then `user` instead of `member`, `context: 1`). [DEFAULT_GUILD_ID] */
  readonly guildId?: string | null;
  readonly channelId?: string;
  readonly channelName?: string;
  readonly user?: Partial<APIUser>;
  /** The user's client locale. [`fr`] */
  readonly locale?: LocaleString;
  /** The guild's preferred locale. [`fr`] */
  readonly guildLocale?: LocaleString;
  readonly appPermissions?: string;
  readonly memberPermissions?: string;
  /**
   * Who installed the app for this interaction, as `authorizing_integration_owners` says: the
   * server (`guild`), the user to their account (`user`: in a server that did not install the
   * bot, or in a private channel), or both. [`guild` in a server, `user` outside]
   */
  readonly install?: 'guild' | 'user' | 'both';
  /** Outside a server: a DM with the bot (`bot-dm`) or a DM or group DM between users (`private-channel`, user install only). [`bot-dm`] */
  readonly place?: 'bot-dm' | 'private-channel';
}

/** `authorizing_integration_owners` for an install: a guild install names the server (`"0"` for one used outside it), a user install the user. */
function owners(install: 'guild' | 'user' | 'both', guildId: string | null, userId: string): APIInteraction['authorizing_integration_owners'] {
  const guild = { [ApplicationIntegrationType.GuildInstall]: guildId ?? '0' };
  const user = { [ApplicationIntegrationType.UserInstall]: userId };
  return install === 'guild' ? guild : install === 'user' ? user : { ...guild, ...user };
}

/**
 * Options as a list Discord sends (full control), or a record `{ name: value }`: strings become
 * STRING (3), integers INTEGER (4), other numbers NUMBER (10), booleans BOOLEAN (5).
 */
export type OptionsInput =
  | readonly APIApplicationCommandInteractionDataOption[]
  | Readonly<Record<string, string | number | boolean>>;

function optionsFromInput(input: OptionsInput | undefined, focused?: string): APIApplicationCommandInteractionDataBasicOption[] | APIApplicationCommandInteractionDataOption[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return [...(input as readonly APIApplicationCommandInteractionDataOption[])];
  const record = input as Readonly<Record<string, string | number | boolean>>;
  if (focused !== undefined && !(focused in record)) {
    throw new Error(`DiscordDouble: focused option "${focused}" is not among the options`);
  }
  return Object.entries(record).map(([name, value]): APIApplicationCommandInteractionDataBasicOption => {
    const isFocused = name === focused ? { focused: true } : {};
    if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value, ...isFocused };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (Number.isInteger(value)) return { name, type: ApplicationCommandOptionType.Integer, value, ...isFocused };
    return { name, type: ApplicationCommandOptionType.Number, value, ...isFocused };
  });
}

function nestSubcommand(
  options: APIApplicationCommandInteractionDataOption[],
  subcommand?: string,
  group?: string,
): APIApplicationCommandInteractionDataOption[] {
  if (subcommand === undefined) {
    if (group !== undefined) throw new Error('DiscordDouble: subcommandGroup needs a subcommand');
    return options;
  }
  const sub = {
    name: subcommand,
    type: ApplicationCommandOptionType.Subcommand as const,
    options: options as APIApplicationCommandInteractionDataBasicOption[],
  };
  return group === undefined ? [sub] : [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}

/** Common part of every interaction payload (guild or DM). */
function base(context: InteractionContextOptions) {
  const applicationId = context.applicationId ?? DEFAULT_APPLICATION_ID;
  const guildId = context.guildId === undefined ? DEFAULT_GUILD_ID : context.guildId;
  const channelId = context.channelId ?? DEFAULT_CHANNEL_ID;
  const user: APIUser = { ...DEFAULT_USER, ...context.user };
  const common = {
    id: context.id ?? snowflake(),
    application_id: applicationId,
    token: context.token ?? randomToken(),
    version: 1 as const,
    app_permissions: context.appPermissions ?? APP_PERMISSIONS,
    locale: (context.locale ?? 'fr') as Locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (guildId === null) {
    const privateChannel = context.place === 'private-channel';
    return {
      ...common,
      user,
      channel: privateChannel
        ? { id: channelId, type: ChannelType.GroupDM, recipients: [user], last_message_id: null, flags: 0, name: 'entre amis', icon: null, owner_id: user.id }
        : { id: channelId, type: ChannelType.DM, recipients: [user], last_message_id: null, flags: 0 },
      channel_id: channelId,
      authorizing_integration_owners: owners(context.install ?? 'user', null, user.id),
      context: privateChannel ? InteractionContextType.PrivateChannel : InteractionContextType.BotDM,
    };
  }
  const interactionMember: APIInteractionGuildMember = {
    ...member(user),
    permissions: context.memberPermissions ?? MEMBER_PERMISSIONS,
    user,
  };
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: (context.guildLocale ?? 'fr') as Locale, features: [] },
    guild_locale: (context.guildLocale ?? 'fr') as Locale,
    channel: {
      id: channelId,
      type: ChannelType.GuildText,
      guild_id: guildId,
      name: context.channelName ?? 'questions',
      position: 0,
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      permissions: context.memberPermissions ?? MEMBER_PERMISSIONS,
      flags: 0,
    },
    channel_id: channelId,
    member: interactionMember,
    authorizing_integration_owners: owners(context.install ?? 'guild', guildId, user.id),
    context: InteractionContextType.Guild,
  };
}

/** Options of {@link chatInputInteraction}. */
export interface ChatInputOptions extends InteractionContextOptions {
  /** Command name, e.g. `question`. */
  readonly name: string;
  readonly options?: OptionsInput;
  readonly subcommand?: string;
  readonly subcommandGroup?: string;
  /** Id of the registered command. [fresh snowflake] */
  readonly commandId?: string;
  readonly resolved?: APIInteractionDataResolved;
  /**
   * ATTACHMENT options (type 11), by option name: each becomes an option whose value is the
   * attachment's id, and the attachment goes in `data.resolved.attachments`, as Discord sends
   * them. Make them with `double.uploadAttachment` so that the file is served.
   */
  readonly attachments?: Readonly<Record<string, APIAttachment>>;
}

/** A slash command (type 2, data.type 1) as Discord dispatches it. */
export function chatInputInteraction(options: ChatInputOptions): APIChatInputApplicationCommandInteraction {
  const attached = Object.entries(options.attachments ?? {});
  const attachmentOptions: APIApplicationCommandInteractionDataBasicOption[] = attached.map(([name, a]) => ({ name, type: ApplicationCommandOptionType.Attachment, value: a.id }));
  const basic = [...(optionsFromInput(options.options) as APIApplicationCommandInteractionDataOption[]), ...attachmentOptions];
  const dataOptions = nestSubcommand(basic, options.subcommand, options.subcommandGroup);
  const resolved: APIInteractionDataResolved | undefined =
    attached.length > 0 ? { ...options.resolved, attachments: { ...options.resolved?.attachments, ...Object.fromEntries(attached.map(([, a]) => [a.id, a])) } } : options.resolved;
  return {
    ...base(options),
    type: InteractionType.ApplicationCommand,
    data: {
      id: options.commandId ?? snowflake(),
      name: options.name,
      type: ApplicationCommandType.ChatInput,
      ...(dataOptions.length > 0 ? { options: dataOptions } : {}),
      ...(resolved ? { resolved } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** Options of {@link autocompleteInteraction}. */
export interface AutocompleteOptions extends ChatInputOptions {
  /** Name of the option being typed; it gets `focused: true` (record form of `options` only). */
  readonly focused?: string;
}

/** An autocomplete request (type 4): the focused option carries what the user typed so far. */
export function autocompleteInteraction(options: AutocompleteOptions): APIApplicationCommandAutocompleteInteraction {
  const dataOptions = nestSubcommand(
    optionsFromInput(options.options, options.focused),
    options.subcommand,
    options.subcommandGroup,
  );
  return {
    ...base(options),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: options.commandId ?? snowflake(),
      name: options.name,
      type: ApplicationCommandType.ChatInput,
      options: dataOptions,
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** Fields of a message fixture; defaults make a plain message by the default user. */
export interface MessageFixtureOptions extends Partial<APIMessage> {
  readonly guildId?: string;
}

/** A message as Discord serialises it (for `message` of components, `resolved.messages`, ...). */
export function messageFixture(options: MessageFixtureOptions = {}): APIMessage {
  const { guildId: _guildId, ...fields } = options;
  return {
    id: snowflake(),
    channel_id: DEFAULT_CHANNEL_ID,
    author: DEFAULT_USER,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
    components: [],
    ...fields,
  };
}

/** Options of {@link buttonInteraction}. */
export interface ButtonOptions extends InteractionContextOptions {
  readonly customId: string;
  /** The message carrying the button. [a bot message with one button of that `custom_id`] */
  readonly message?: Partial<APIMessage>;
}

/** A button click (type 3, component_type 2), with the message that carries the button. */
export function buttonInteraction(options: ButtonOptions): APIMessageComponentButtonInteraction {
  const common = base(options);
  const message = messageFixture({
    channel_id: common.channel_id,
    author: botUserFixture(common.application_id),
    application_id: common.application_id,
    webhook_id: common.application_id,
    type: MessageType.ChatInputCommand,
    content: 'Réponse',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Plus', custom_id: options.customId }],
      },
    ],
    ...options.message,
  });
  return {
    ...common,
    type: InteractionType.MessageComponent,
    data: { custom_id: options.customId, component_type: ComponentType.Button },
    message,
  } as APIMessageComponentButtonInteraction;
}

/** Options of {@link messageContextInteraction}. */
export interface MessageContextOptions extends InteractionContextOptions {
  /** Command name as registered, e.g. `Citer les sources`. */
  readonly name: string;
  /** The message right-clicked. [a message by the default user] */
  readonly targetMessage?: Partial<APIMessage>;
  readonly commandId?: string;
}

/** A message context-menu command (type 2, data.type 3) with `target_id` and `resolved.messages`. */
export function messageContextInteraction(options: MessageContextOptions): APIMessageApplicationCommandInteraction {
  const common = base(options);
  const target = messageFixture({ channel_id: common.channel_id, ...options.targetMessage });
  return {
    ...common,
    type: InteractionType.ApplicationCommand,
    data: {
      id: options.commandId ?? snowflake(),
      name: options.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  } as APIMessageApplicationCommandInteraction;
}

/** Options of {@link modalSubmitInteraction}. */
export interface ModalSubmitOptions extends InteractionContextOptions {
  /** The modal's custom id. */
  readonly customId: string;
  /** Text inputs by custom id, each submitted in its own Label (Discord's current layout), in this order. */
  readonly values: Readonly<Record<string, string>>;
  /** The message whose button opened the modal (then `interaction.isFromMessage()`); none for a modal opened by a slash command. */
  readonly message?: APIMessage;
}

/**
 * A modal submit (type 5) as Discord dispatches it: `data.components` are Labels each holding one
 * text input with its `value`; components get the sequential ids Discord gives when none were
 * set. Usually made by `double.submitModal` from the modal the bot showed; directly, it forges one.
 */
export function modalSubmitInteraction(options: ModalSubmitOptions): APIModalSubmitInteraction {
  const components = Object.entries(options.values).map(([custom_id, value], i) => ({
    type: ComponentType.Label,
    id: 2 * i + 1,
    component: { type: ComponentType.TextInput, id: 2 * i + 2, custom_id, value },
  }));
  return {
    ...base(options),
    type: InteractionType.ModalSubmit,
    data: { custom_id: options.customId, components },
    ...(options.message ? { message: options.message } : {}),
  } as unknown as APIModalSubmitInteraction;
}

/** The builders with another double's ids as defaults (see `double.fixtures`). */
export interface BoundFixtures {
  chatInput(options: ChatInputOptions): APIChatInputApplicationCommandInteraction;
  autocomplete(options: AutocompleteOptions): APIApplicationCommandAutocompleteInteraction;
  button(options: ButtonOptions): APIMessageComponentButtonInteraction;
  messageContext(options: MessageContextOptions): APIMessageApplicationCommandInteraction;
  modalSubmit(options: ModalSubmitOptions): APIModalSubmitInteraction;
}

/**
 * Builders whose `applicationId` and `guildId` default to the given ones; when the (default or
 * given) guild is one of `guilds`, `channelId`, `channelName` and `guildLocale` default to its own.
 */
export function bindFixtures(
  defaults: Pick<InteractionContextOptions, 'applicationId' | 'guildId'>,
  guilds: readonly ResolvedGuild[] = [],
): BoundFixtures {
  const withDefaults = <T extends InteractionContextOptions>(options: T): T => {
    const guildId = options.guildId === undefined ? defaults.guildId : options.guildId;
    const guild = guilds.find((g) => g.id === guildId);
    const fromGuild: InteractionContextOptions = guild
      ? { channelId: guild.channelId, channelName: guild.channelName, guildLocale: guild.locale as LocaleString }
      : {};
    return { ...defaults, ...fromGuild, ...options };
  };
  return {
    chatInput: (options) => chatInputInteraction(withDefaults(options)),
    autocomplete: (options) => autocompleteInteraction(withDefaults(options)),
    button: (options) => buttonInteraction(withDefaults(options)),
    messageContext: (options) => messageContextInteraction(withDefaults(options)),
    modalSubmit: (options) => modalSubmitInteraction(withDefaults(options)),
  };
}
