import type { Actor } from '@libs/domain';

/**
 * Who asks and why, as the caller (GraphQL resolver, OAuth callback, worker job) knows it. It flows unchanged into
 * the metadata of every event the command appends (SPEC R10.1).
 */
export interface CommandContext {
  actor: Actor;
  /** The id of the whole interaction (one GraphQL operation, one job chain). */
  correlationId: string;
  /** What directly caused this command: the request id, or the id of the event a worker reacted to. */
  causationId: string | null;
}

/** Every handler's answer carries the global position it wrote (or the stream's last one when nothing was new). */
export interface Written {
  /** `lastGlobalPosition` of the append; '' when the stream is empty and nothing was written. */
  position: string;
}
