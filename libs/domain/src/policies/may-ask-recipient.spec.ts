import type { OrgRole, TeamRole } from '../shared/types';
import { mayAskRecipient, type RecipientKind } from './may-ask-recipient';

type Cell = 'ok' | 'FORBIDDEN';
/** Literal expectations (R3.1–R3.4): [SAME_TEAM, OTHER_TEAM, EXTERNAL] per org role × team role. */
const MATRIX: Record<OrgRole, Record<TeamRole, [Cell, Cell, Cell]>> = {
  OWNER: { ADMIN: ['ok', 'ok', 'ok'], MEMBER: ['ok', 'ok', 'ok'], GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'] },
  ADMIN: { ADMIN: ['ok', 'ok', 'ok'], MEMBER: ['ok', 'ok', 'ok'], GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'] },
  MEMBER: {
    ADMIN: ['ok', 'ok', 'FORBIDDEN'],
    MEMBER: ['ok', 'FORBIDDEN', 'FORBIDDEN'],
    GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  GUEST: {
    ADMIN: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    MEMBER: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
};
const KINDS: RecipientKind[] = ['SAME_TEAM', 'OTHER_TEAM', 'EXTERNAL'];

describe('mayAskRecipient (R3): org role × team role × recipient', () => {
  for (const [orgRole, byTeam] of Object.entries(MATRIX) as [OrgRole, Record<TeamRole, Cell[]>][]) {
    for (const [teamRole, cells] of Object.entries(byTeam) as [TeamRole, Cell[]][]) {
      KINDS.forEach((kind, i) => {
        it(`org ${orgRole} / team ${teamRole} asking ${kind} → ${cells[i]}`, () => {
          const verdict = mayAskRecipient({ orgRole, teamRole }, kind);
          expect(verdict.ok ? 'ok' : verdict.code).toBe(cells[i]);
        });
      });
    }
  }

  it('nobody may ask themselves (R3.4) → BAD_USER_INPUT', () => {
    expect(mayAskRecipient({ orgRole: 'OWNER', teamRole: 'ADMIN' }, 'SELF')).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
  it('a userId outside the organization (R13.3) → BAD_USER_INPUT', () => {
    expect(mayAskRecipient({ orgRole: 'OWNER', teamRole: 'ADMIN' }, 'NOT_ORG_MEMBER')).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
