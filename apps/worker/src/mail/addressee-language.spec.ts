import { credentialRequestDecider, type Language } from '@libs/domain';
import { requestCreated } from '../../../../libs/domain/src/testing/fixtures';
import { addresseeLanguage } from './addressee-language';
import type { DirectoryUser } from '../reactor/directory-lookup';

const choices: Record<string, Language | null> = { 'u-chose-pt': 'PT_BR', 'u-never': null, 'u-chose-en': 'EN' };
const user = async (userId: string): Promise<DirectoryUser | null> =>
  userId in choices
    ? { userId, email: `${userId}@acme.io`, name: userId, enabled: true, language: choices[userId] }
    : null;
const fold = (...events: Parameters<typeof credentialRequestDecider.evolve>[1][]) =>
  events.reduce(credentialRequestDecider.evolve, credentialRequestDecider.initialState());
const outside = (language: Language) =>
  fold(
    requestCreated({
      recipient: { userId: null, name: 'Eve', email: 'eve@partner.io', external: true },
      invitation: { invitationId: 'inv-1', tokenHash: 'h', language },
    }),
  );

describe('addresseeLanguage (issue 10)', () => {
  it('a member: their own choice, English when they never chose', async () => {
    const state = fold(requestCreated());
    const member = (userId: string) => ({ ...state.recipient, userId });
    expect(await addresseeLanguage(member('u-chose-pt'), state, user)).toBe('PT_BR');
    expect(await addresseeLanguage(member('u-never'), state, user)).toBe('EN');
    expect(await addresseeLanguage(member('u-unknown'), state, user)).toBe('EN');
  });
  it("an outside recipient: the request's language until they choose their own", async () => {
    const state = outside('PT_BR');
    expect(await addresseeLanguage(state.recipient, state, user)).toBe('PT_BR');
    const accepted = { ...state.recipient, userId: 'u-never' };
    expect(await addresseeLanguage(accepted, state, user)).toBe('PT_BR');
    expect(await addresseeLanguage({ ...state.recipient, userId: 'u-chose-en' }, state, user)).toBe('EN');
    expect(await addresseeLanguage(outside('EN').recipient, outside('EN'), user)).toBe('EN');
  });
});
