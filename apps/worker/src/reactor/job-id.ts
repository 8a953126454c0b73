/**
 * `<eventId>:<kind>:<addressee>` (ARCHITECTURE.md "Workers"). BullMQ accepts a custom id with ':' only when it has
 * exactly three parts and refuses integer-looking ids, so the parts themselves never hold ':'.
 */
export function jobId(eventId: string, kind: string, addressee: string): string {
  const clean = (s: string) => s.replace(/:/g, '_');
  return `${clean(eventId)}:${clean(kind)}:${clean(addressee.toLowerCase())}`;
}
