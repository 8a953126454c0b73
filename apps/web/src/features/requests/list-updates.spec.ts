import { type HeardChange, type ListInView, touchesList } from './list-updates';

const change = (over: Partial<HeardChange> = {}): HeardChange => ({
  id: 'r-new',
  viewerRelation: 'TEAM_MEMBER',
  organization: { id: 'o-acme' },
  team: { id: 't-sales' },
  ...over,
});
const sent: ListInView = { tab: 'sent', teamId: 't-sales', organizationId: null, rows: new Set(['r-1']) };
const received: ListInView = { tab: 'received', teamId: 't-sales', organizationId: null, rows: new Set(['r-1']) };

describe('which heard changes refresh the list in view (R12.7)', () => {
  it('Sent: a request of the team shown, or a row in view; not another team’s or organization’s', () => {
    expect(touchesList(change(), sent)).toBe(true);
    expect(touchesList(change({ team: { id: 't-core' }, organization: { id: 'o-beta' } }), sent)).toBe(false);
    expect(touchesList(change({ id: 'r-1', team: { id: 't-core' } }), sent)).toBe(true);
  });

  it('Received: what was asked of the viewer, in the organization chosen; a row in view always', () => {
    expect(touchesList(change(), received)).toBe(false);
    expect(touchesList(change({ viewerRelation: 'RECIPIENT' }), received)).toBe(true);
    const narrowed = { ...received, organizationId: 'o-beta' };
    expect(touchesList(change({ viewerRelation: 'RECIPIENT' }), narrowed)).toBe(false);
    expect(touchesList(change({ viewerRelation: 'RECIPIENT', organization: { id: 'o-beta' } }), narrowed)).toBe(true);
    expect(touchesList(change({ id: 'r-1' }), narrowed)).toBe(true);
  });
});
