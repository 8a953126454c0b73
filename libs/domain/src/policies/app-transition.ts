import type { AppAuthorizationStatus } from '../shared/types';

/** The actions of SPEC §5, one per table row kind. */
export type AppAction =
  | 'AUTHORIZE_ACCEPTED'
  | 'AUTHORIZE_REJECTED'
  | 'DECLINE'
  | 'REVOKE'
  | 'REQUEST_REAUTHORIZATION'
  | 'REAUTHORIZE'
  | 'UPDATE_CREDENTIALS';

export const APP_ACTIONS: readonly AppAction[] = [
  'AUTHORIZE_ACCEPTED',
  'AUTHORIZE_REJECTED',
  'DECLINE',
  'REVOKE',
  'REQUEST_REAUTHORIZATION',
  'REAUTHORIZE',
  'UPDATE_CREDENTIALS',
];

export const APP_STATUSES: readonly AppAuthorizationStatus[] = [
  'PENDING',
  'AUTHORIZED',
  'DECLINED',
  'REVOKED',
  'REAUTHORIZING',
  'INVALID',
];

export interface AppTransitionRow {
  from: readonly AppAuthorizationStatus[];
  action: AppAction;
  to: AppAuthorizationStatus;
}

/**
 * SPEC §5, row by row. UPDATE_CREDENTIALS leaves the status unchanged (`to` = from, see appTransition);
 * REQUEST_REAUTHORIZATION may also produce nothing (R5.4), which the decider handles before asking this table.
 */
export const APP_TRANSITIONS: readonly AppTransitionRow[] = [
  { from: ['PENDING', 'INVALID'], action: 'AUTHORIZE_ACCEPTED', to: 'AUTHORIZED' },
  { from: ['PENDING', 'INVALID'], action: 'AUTHORIZE_REJECTED', to: 'INVALID' },
  { from: ['PENDING', 'INVALID', 'AUTHORIZED', 'REVOKED', 'REAUTHORIZING'], action: 'DECLINE', to: 'DECLINED' },
  { from: ['AUTHORIZED', 'REAUTHORIZING'], action: 'REVOKE', to: 'REVOKED' },
  { from: ['REVOKED'], action: 'AUTHORIZE_ACCEPTED', to: 'AUTHORIZED' },
  { from: ['AUTHORIZED'], action: 'REQUEST_REAUTHORIZATION', to: 'REAUTHORIZING' },
  { from: ['REAUTHORIZING'], action: 'REAUTHORIZE', to: 'AUTHORIZED' },
  { from: ['AUTHORIZED', 'REAUTHORIZING'], action: 'UPDATE_CREDENTIALS', to: 'AUTHORIZED' },
];

/** The status after `action`, or null when §5 does not allow it (the caller answers CONFLICT). */
export function appTransition(status: AppAuthorizationStatus, action: AppAction): AppAuthorizationStatus | null {
  const row = APP_TRANSITIONS.find((r) => r.action === action && r.from.includes(status));
  if (!row) return null;
  return action === 'UPDATE_CREDENTIALS' ? status : row.to;
}
