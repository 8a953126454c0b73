import type { OrgRole, TeamRole } from '../shared/types';
import { R3_MATRIX } from '../testing/fixtures';
import { mayAskRecipient, type RecipientKind } from './may-ask-recipient';

type Cell = 'ok' | 'FORBIDDEN';
const MATRIX = R3_MATRIX;
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
