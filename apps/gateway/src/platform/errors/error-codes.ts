import type { ErrorCode } from '@libs/domain';

/** The codes of the public contract (schema.graphql header); anything else becomes INTERNAL_SERVER_ERROR. */
export const CONTRACT_ERROR_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'FEATURE_NOT_ENABLED',
  'PLAN_NOT_ELIGIBLE',
  'NOT_ELIGIBLE',
  'RATE_LIMITED',
];

export const INTERNAL_ERROR_MESSAGE = 'internal error';

export function isContractCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (CONTRACT_ERROR_CODES as readonly string[]).includes(code);
}
