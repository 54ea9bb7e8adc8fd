/**
 * The last preview of each recent draft, kept only to prefill Edit details (a modal must be the
 * first response, within 3 s, and the service has no "read a draft" call). Bounded, oldest
 * forgotten first; a draft it forgot (a restart, many drafts) gets an empty form, whose empty
 * fields mean "unchanged", so nothing depends on it.
 */
import type { DraftPreview } from '../../moderation/types.js';
import { OURS } from '../limits.js';

/** What Edit details prefills. */
export type DraftDetails = Pick<DraftPreview, 'title' | 'published'> & { readonly outlet: string };

/** Recent drafts' details, by draft id. */
export class DraftMemo {
  readonly #details = new Map<string, DraftDetails>();

  constructor(private readonly capacity: number = OURS.DRAFTS_REMEMBERED) {}

  /** Remembers (or refreshes) a draft's details from its preview. */
  remember(preview: DraftPreview): void {
    this.#details.delete(preview.draftId);
    this.#details.set(preview.draftId, { title: preview.title, published: preview.published, outlet: preview.outlet.short });
    while (this.#details.size > this.capacity) {
      const oldest = this.#details.keys().next().value;
      if (oldest === undefined) break;
      this.#details.delete(oldest);
    }
  }

  /** A draft's last details, if remembered. */
  details(draftId: string): DraftDetails | undefined {
    return this.#details.get(draftId);
  }

  /** Forgets a draft (published or cancelled). */
  forget(draftId: string): void {
    this.#details.delete(draftId);
  }
}
