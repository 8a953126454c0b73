import { DEFAULT_LANGUAGE, type ApplicationStatus, type Language } from '../shared/types';

export interface UserState {
  registered: boolean;
  userId: string;
  /** Lower-cased (R13.2). */
  email: string;
  name: string;
  /** The token `sub` bound by the first verified sign-in (R13.2). */
  subject: string | null;
  application: ApplicationStatus;
  /** The user's own choice (LanguageChosen); null until they make one, which reads as English for members. */
  language: Language | null;
}

export const initialUserState = (): UserState => ({
  registered: false,
  userId: '',
  email: '',
  name: '',
  subject: null,
  application: 'NONE',
  language: null,
});

/** The language of a member's e-mails: their own choice, English by default. */
export const languageOf = (state: UserState): Language => state.language ?? DEFAULT_LANGUAGE;

/** R2.2: the feature belongs to the user once approved. */
export const hasCredentialRequestsFeature = (state: UserState): boolean => state.application === 'APPROVED';
