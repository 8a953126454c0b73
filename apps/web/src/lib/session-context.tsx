// The signed-in person for components that need it (their e-mail, for instance); set by the shell's RequireAuth.
import { createContext, useContext } from 'react';
import type { Session } from './session';

export const SessionContext = createContext<Session>({ signedIn: false });

export function useSession(): Session {
  return useContext(SessionContext);
}
