import { UpcasterRegistry } from '../shared/upcasting';
import type { AppDeclinedV1Data, RequestCreatedV1Invitation } from './events';
import { requestCreated } from '../testing/fixtures';
import { foldStoredCredentialRequest, upcastCredentialRequestEvent } from './upcasters';

describe('credential-request upcasters', () => {
  it('AppDeclined v1 (no destroyedConnectionId) reads as v2 with destroyedConnectionId null', () => {
    const v1: AppDeclinedV1Data = { appKey: 'crm', reason: 'no thanks' };
    expect(upcastCredentialRequestEvent({ type: 'AppDeclined', schemaVersion: 1, data: v1 })).toEqual({
      type: 'AppDeclined',
      schemaVersion: 2,
      data: { appKey: 'crm', reason: 'no thanks', destroyedConnectionId: null },
    });
  });
  it('RequestCreated v1 (invitation without language) reads as v2 with EN; no invitation stays null (issue 10)', () => {
    const v1 = requestCreated({
      recipient: { userId: null, name: 'Eve', email: 'eve@partner.io', external: true },
    }).data as unknown as Record<string, unknown>;
    const invitation: RequestCreatedV1Invitation = { invitationId: 'inv-1', tokenHash: 'hash-1' };
    const external = upcastCredentialRequestEvent({
      type: 'RequestCreated',
      schemaVersion: 1,
      data: { ...v1, invitation },
    });
    expect(external.schemaVersion).toBe(2);
    expect(external.data).toMatchObject({ invitation: { invitationId: 'inv-1', tokenHash: 'hash-1', language: 'EN' } });
    const internal = upcastCredentialRequestEvent({ type: 'RequestCreated', data: { ...v1, invitation: null } });
    expect(internal).toMatchObject({ schemaVersion: 2, data: { invitation: null } });
    const v2 = requestCreated({ invitation: { invitationId: 'i', tokenHash: 'h', language: 'PT_BR' } });
    expect(upcastCredentialRequestEvent(v2)).toEqual(v2);
    expect(
      foldStoredCredentialRequest([{ ...v1, type: 'RequestCreated', schemaVersion: 1, data: { ...v1, invitation } }])
        .invitation?.language,
    ).toBe('EN');
  });
  it('an event without a version is version 1', () => {
    expect(
      upcastCredentialRequestEvent({ type: 'AppDeclined', data: { appKey: 'crm', reason: 'x' } }).schemaVersion,
    ).toBe(2);
  });
  it('current events pass through unchanged', () => {
    const v2 = {
      type: 'AppDeclined',
      schemaVersion: 2,
      data: { appKey: 'crm', reason: 'x', destroyedConnectionId: 'c1' },
    };
    expect(upcastCredentialRequestEvent(v2)).toEqual(v2);
    const other = {
      type: 'AppAuthorized',
      schemaVersion: 1,
      data: { appKey: 'crm', connectionId: 'c', accessUntil: null, expiresAt: null },
    };
    expect(upcastCredentialRequestEvent(other)).toEqual(other);
  });
  it('chains steps and refuses two upcasters for the same version', () => {
    const registry = new UpcasterRegistry([
      { type: 'T', fromVersion: 1, upcast: (d) => ({ ...d, b: 1 }) },
      { type: 'T', fromVersion: 2, upcast: (d) => ({ ...d, c: 2 }) },
    ]);
    expect(registry.upcast({ type: 'T', data: { a: 0 } })).toEqual({
      type: 'T',
      schemaVersion: 3,
      data: { a: 0, b: 1, c: 2 },
    });
    expect(() => registry.register({ type: 'T', fromVersion: 1, upcast: (d) => d })).toThrow(/already registered/);
  });

  it('folding stored events upcasts first: a v1 decline yields a DECLINED app', () => {
    const state = foldStoredCredentialRequest([
      requestCreated(),
      { type: 'AppDeclined', schemaVersion: 1, data: { appKey: 'crm', reason: 'old' } },
    ]);
    expect(state.apps[0]).toMatchObject({ status: 'DECLINED', declineReason: 'old', connectionStatus: null });
  });
});
