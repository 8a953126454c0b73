/**
 * Token hash → request id (R4.4: the link carries only the token). Written before RequestCreated is appended: a
 * failed append leaves a row pointing at a stream that does not exist, which reads as NOT_FOUND.
 */
export interface InvitationLookup {
  record(tokenHash: string, requestId: string): Promise<void>;
  find(tokenHash: string): Promise<string | null>;
}
