/**
 * Suggestions while a moderator types: the server's articles for `/article remove` (the service's
 * in-memory lookup, fast) and the outlets for `/article add outlet:`. Within Discord's limits: 25
 * choices, names and values of at most 100 characters (a longer value is left out: cut, it would
 * name something else).
 */
import type { ModerationService } from '../../moderation/types.js';
import { fold } from '../../text/fold.js';
import type { Choice } from '../autocomplete.js';
import { COMMAND } from '../limits.js';
import { cutPlain } from '../render/safe-text.js';

function choice(name: string, value: string): Choice | undefined {
  if (value === '' || value.length > COMMAND.CHOICE_VALUE_MAX) return undefined;
  return { name: name.length <= COMMAND.CHOICE_NAME_MAX ? name : cutPlain(name, COMMAND.CHOICE_NAME_MAX), value };
}

/** The server's articles whose title or id holds what is typed: `Title (id)` → the id. */
export function articleChoices(service: ModerationService, guildId: string, typed: string): Choice[] {
  return service
    .completeArticles(guildId, typed, COMMAND.AUTOCOMPLETE_CHOICES_MAX)
    .map((a) => choice(`${a.title} (${a.articleId})`, a.articleId))
    .filter((c): c is Choice => c !== undefined)
    .slice(0, COMMAND.AUTOCOMPLETE_CHOICES_MAX);
}

/** The outlets this server may file articles under whose id, short name or name holds what is typed: → the short name. */
export async function outletChoices(service: ModerationService, guildId: string, typed: string): Promise<Choice[]> {
  const wanted = fold(typed.trim());
  const sources = await service.sources(guildId);
  return sources
    .filter((s) => wanted === '' || [s.id, s.short, s.name].some((n) => fold(n).includes(wanted)))
    .map((s) => choice(`${s.short} — ${s.name}`, s.short))
    .filter((c): c is Choice => c !== undefined)
    .slice(0, COMMAND.AUTOCOMPLETE_CHOICES_MAX);
}
