import { en } from './messages/en';
import { ptBR } from './messages/pt-BR';
import { healthKey } from './connection-health';

const said = (key: string) => en.details.health[key.replace('details.health.', '') as keyof typeof en.details.health];

describe('an expired connection says who can act on it (R5.4, R5.6)', () => {
  it('the requester or a team admin: it needs reauthorization (their card has the button)', () => {
    expect(said(healthKey('EXPIRED', 'AUTHORIZED', 'REQUESTER', true))).toBe('Expired: needs reauthorization');
  });

  it('the recipient: the requester can ask them', () => {
    expect(said(healthKey('EXPIRED', 'AUTHORIZED', 'RECIPIENT', false))).toBe(
      'Expired: the requester can ask you to reauthorize it.',
    );
  });

  it('a recipient who is also an admin of the team: it needs reauthorization (they may ask, R5.4)', () => {
    expect(said(healthKey('EXPIRED', 'AUTHORIZED', 'RECIPIENT', true))).toBe('Expired: needs reauthorization');
  });

  it('anyone else who sees it: who can ask, since they cannot', () => {
    expect(said(healthKey('EXPIRED', 'AUTHORIZED', 'TEAM_MEMBER', false))).toBe(
      'Expired: the requester or an admin of the team can ask for its reauthorization.',
    );
    expect(ptBR.details.health.EXPIRED_OTHERS).toMatch(/^Expirada: /);
  });

  it('asked already: that it was asked, for everyone (the card beside it says Reauthorizing)', () => {
    for (const relation of ['REQUESTER', 'RECIPIENT', 'TEAM_MEMBER'] as const) {
      expect(said(healthKey('EXPIRED', 'REAUTHORIZING', relation, relation === 'REQUESTER'))).toBe(
        'Expired: reauthorization requested',
      );
    }
  });

  it('not expired: the status as it is', () => {
    expect(healthKey('ACTIVE', 'AUTHORIZED', 'RECIPIENT', false)).toBe('details.health.ACTIVE');
  });
});
