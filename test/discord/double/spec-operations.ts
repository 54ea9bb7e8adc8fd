/**
 * The operations of Discord's API the double serves, each with its `operationId` and the request
 * body schema Discord's OpenAPI spec gives it, built from the zod schemas of the `discord-api-spec`
 * dev dependency. The package ships one schema per component of the spec, not the operations'
 * bodies, so each body is assembled here as the spec's `requestBody` writes it (read from the
 * package's `Paths` type: a `$ref`, a union of `$ref`s, or an array of one).
 */
import * as z from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandCreateRequestSchema,
  ApplicationCommandPatchRequestPartialSchema,
  ApplicationCommandUpdateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  LaunchActivityInteractionCallbackRequestSchema,
  ModalInteractionCallbackRequestSchema,
  PongInteractionCallbackRequestSchema,
  SocialLayerSKUPurchaseEligibilityInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';

/**
 * `maxItems` of the bulk-overwrite body (`PUT …/commands`) in Discord's OpenAPI spec. The package
 * keeps only the item type of that inline array (`ApplicationCommandUpdateRequest[] | null`), so the
 * spec's bound is restated here.
 */
export const BULK_COMMANDS_MAX = 130;

/** One operation the double serves. */
export interface ServedOperation {
  readonly method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  /** Path template as the spec writes it. */
  readonly template: string;
  readonly operationId: string;
  /** Schema of the `application/json` request body; null when the operation takes none. */
  readonly body: ZodMiniType | null;
}

const callbackBody = z.union([
  ApplicationCommandAutocompleteCallbackRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  LaunchActivityInteractionCallbackRequestSchema,
  ModalInteractionCallbackRequestSchema,
  PongInteractionCallbackRequestSchema,
  SocialLayerSKUPurchaseEligibilityInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
]);
const executeWebhookBody = z.union([IncomingWebhookRequestPartialSchema, IncomingWebhookUpdateRequestPartialSchema]);
const bulkCommandsBody = z.nullable(z.array(ApplicationCommandUpdateRequestSchema).check(z.maxLength(BULK_COMMANDS_MAX)));

/** Command routes exist twice: global (`scope` '') and per guild (`scope` 'guild_'). */
function commandOperations(base: string, scope: '' | 'guild_'): ServedOperation[] {
  return [
    { method: 'get', template: `${base}/commands`, operationId: `list_${scope}application_commands`, body: null },
    { method: 'put', template: `${base}/commands`, operationId: `bulk_set_${scope}application_commands`, body: bulkCommandsBody },
    { method: 'post', template: `${base}/commands`, operationId: `create_${scope}application_command`, body: ApplicationCommandCreateRequestSchema },
    { method: 'get', template: `${base}/commands/{command_id}`, operationId: `get_${scope}application_command`, body: null },
    {
      method: 'patch',
      template: `${base}/commands/{command_id}`,
      operationId: `update_${scope}application_command`,
      body: ApplicationCommandPatchRequestPartialSchema,
    },
    { method: 'delete', template: `${base}/commands/{command_id}`, operationId: `delete_${scope}application_command`, body: null },
  ];
}

function webhookMessageOperations(message: '@original' | '{message_id}', name: 'original_webhook_message' | 'webhook_message'): ServedOperation[] {
  const template = `/webhooks/{webhook_id}/{webhook_token}/messages/${message}`;
  return [
    { method: 'get', template, operationId: `get_${name}`, body: null },
    { method: 'patch', template, operationId: `update_${name}`, body: IncomingWebhookUpdateRequestPartialSchema },
    { method: 'delete', template, operationId: `delete_${name}`, body: null },
  ];
}

/** Every operation the double answers (see `rest.ts`), by method and template. */
export const SERVED_OPERATIONS: readonly ServedOperation[] = [
  { method: 'get', template: '/gateway', operationId: 'get_gateway', body: null },
  { method: 'get', template: '/gateway/bot', operationId: 'get_bot_gateway', body: null },
  { method: 'get', template: '/users/@me', operationId: 'get_my_user', body: null },
  { method: 'get', template: '/applications/@me', operationId: 'get_my_application', body: null },
  ...commandOperations('/applications/{application_id}', ''),
  ...commandOperations('/applications/{application_id}/guilds/{guild_id}', 'guild_'),
  { method: 'post', template: '/interactions/{interaction_id}/{interaction_token}/callback', operationId: 'create_interaction_response', body: callbackBody },
  { method: 'post', template: '/webhooks/{webhook_id}/{webhook_token}', operationId: 'execute_webhook', body: executeWebhookBody },
  ...webhookMessageOperations('@original', 'original_webhook_message'),
  ...webhookMessageOperations('{message_id}', 'webhook_message'),
];
