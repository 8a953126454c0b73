import { canSeeAuditLog, canSeeTeamAudit } from './audit-access';

describe('canSeeAuditLog (R10.2)', () => {
  it('org owners and admins see the whole organization', () => {
    expect(canSeeAuditLog('OWNER', {})).toEqual({ kind: 'ORGANIZATION' });
    expect(canSeeAuditLog('ADMIN', { t1: 'MEMBER' })).toEqual({ kind: 'ORGANIZATION' });
  });
  it('team admins see the teams they administer', () => {
    const scope = canSeeAuditLog('MEMBER', { t2: 'ADMIN', t1: 'ADMIN', t3: 'MEMBER' });
    expect(scope).toEqual({ kind: 'TEAMS', teamIds: ['t1', 't2'] });
    expect(canSeeTeamAudit(scope, 't1')).toBe(true);
    expect(canSeeTeamAudit(scope, 't3')).toBe(false);
  });
  it('others see nothing', () => {
    expect(canSeeAuditLog('MEMBER', { t1: 'MEMBER', t2: 'GUEST' })).toEqual({ kind: 'NONE' });
    expect(canSeeAuditLog('GUEST', { t1: 'ADMIN' })).toEqual({ kind: 'NONE' });
    expect(canSeeAuditLog(null, {})).toEqual({ kind: 'NONE' });
    expect(canSeeTeamAudit({ kind: 'NONE' }, 't1')).toBe(false);
  });
});
