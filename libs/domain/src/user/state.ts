import type { ApplicationStatus } from '../shared/types';

export interface UserState {
  registered: boolean;
  userId: string;
  /** Lower-cased (R13.2). */
  email: string;
  name: string;
  /** The token `sub` bound by the first verified sign-in (R13.2). */
  subject: string | null;
  application: ApplicationStatus;
}

export const initialUserState = (): UserState => ({
  registered: false,
  userId: '',
  email: '',
  name: '',
  subject: null,
  application: 'NONE',
});

/** R2.2: the feature belongs to the user once approved. */
export const hasCredentialRequestsFeature = (state: UserState): boolean => state.application === 'APPROVED';
