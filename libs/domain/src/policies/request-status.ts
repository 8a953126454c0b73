import type { AppAuthorizationStatus, CredentialRequestStatus } from '../shared/types';

/** SPEC §6, evaluated in the listed order. */
export function deriveRequestStatus(appStatuses: readonly AppAuthorizationStatus[]): CredentialRequestStatus {
  if (appStatuses.includes('INVALID')) return 'INVALID';
  if (appStatuses.some((s) => s === 'PENDING' || s === 'REVOKED' || s === 'REAUTHORIZING')) return 'INCOMPLETE';
  if (appStatuses.every((s) => s === 'AUTHORIZED')) return 'AUTHORIZED';
  if (appStatuses.every((s) => s === 'DECLINED')) return 'DECLINED';
  return 'PARTIALLY_AUTHORIZED';
}
