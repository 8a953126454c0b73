import type { CredentialRequestState, RequestedAppState } from '../credential-request/state';

/**
 * R12.5 Reminders: the recipient is reminded after N, 2N … K·N days (off when N or K is not positive), each time
 * only while the request exists and some app still waits.
 */
export function reminderSchedule(afterDays: number, max: number): { n: number; daysWaiting: number }[] {
  if (afterDays <= 0 || max <= 0) return [];
  return Array.from({ length: max }, (_, i) => ({ n: i + 1, daysWaiting: afterDays * (i + 1) }));
}

/** R12.5: the apps a due reminder names; none (no reminder) once the request is deleted or every app is answered. */
export function appsToRemindOf(state: CredentialRequestState): RequestedAppState[] {
  if (state.lifecycle !== 'ACTIVE') return [];
  return state.apps.filter((a) => a.status === 'PENDING');
}
