import { DEFAULT_LANGUAGE, type CredentialRequestState, type Language, type PersonRef } from '@libs/domain';
import type { DirectoryUser } from '../reactor/directory-lookup';

/**
 * Issue 10: the language of one addressee's e-mail. A person's own choice (setLanguage) wins; an outside recipient
 * who has not chosen (or not even signed in yet) gets the language the requester picked for the request; everyone
 * else English.
 */
export async function addresseeLanguage(
  person: PersonRef,
  request: CredentialRequestState,
  user: (userId: string) => Promise<DirectoryUser | null>,
): Promise<Language> {
  const chosen = person.userId !== null ? ((await user(person.userId))?.language ?? null) : null;
  if (chosen !== null) return chosen;
  if (person.external && request.invitation) return request.invitation.language;
  return DEFAULT_LANGUAGE;
}
