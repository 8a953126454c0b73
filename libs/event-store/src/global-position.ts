import type { GlobalPosition } from './event-store.port';

const WIDTH = 20; // enough for any unsigned 64-bit integer

/** `"<major>:<minor>"`, each zero-padded to 20 digits, so plain string comparison is the global order. */
export function encodeGlobalPosition(major: bigint | string, minor: bigint | string): GlobalPosition {
  return `${String(major).padStart(WIDTH, '0')}:${String(minor).padStart(WIDTH, '0')}`;
}

/** The two numbers of a position; the start ('') decodes to 0:0. */
export function decodeGlobalPosition(position: GlobalPosition): [bigint, bigint] {
  if (position === '') return [0n, 0n];
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(position);
  if (!match) throw new Error(`invalid global position: ${position}`);
  return [BigInt(match[1]), BigInt(match[2])];
}
