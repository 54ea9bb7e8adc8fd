/**
 * The one way an entry point stops on SIGTERM or SIGINT: log the signal, run its `stop` once
 * (a second signal, or Ctrl-C pressed twice, waits for the first instead of stopping twice),
 * then exit 0, or 1 when stopping failed. Installed before start-up work, so that a signal during
 * start-up also ends the process cleanly.
 */
import type { Logger } from '../discord/logger.js';

/** What {@link stopOnSignals} needs. */
export interface ShutdownOptions {
  readonly logger: Logger;
  /** Finishes what is in flight and releases what is held; may be called before start-up ends. */
  readonly stop: () => Promise<void>;
  /** The log line written when the signal arrives (default `signal received`). */
  readonly message?: string;
}

/** The signals a supervisor (`docker stop`, systemd) or a terminal (Ctrl-C) sends to stop us. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** Installs the handlers; the process exits once `stop` settles. */
export function stopOnSignals(options: ShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, options.message ?? 'signal received');
    options.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        options.logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}
