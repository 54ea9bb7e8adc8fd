/**
 * The error of the ingest command that the person running it can fix (missing date, unknown
 * source, duplicate article…): its message says how. Anything else is a bug and is thrown as is.
 */

/** A problem with the input or the data that the message tells how to fix. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}
