import { catalog } from '../testing/fixtures';
import { scopesFor } from './scopes';

const crm2 = catalog.apps[0].versions[0];

describe('scopesFor (R4.2, R13.7)', () => {
  it('follows catalog module order then scope order, first occurrence kept, whatever the input order', () => {
    expect(scopesFor(crm2, ['deals', 'contacts'])).toEqual(['contacts.read', 'contacts.write', 'deals.read']);
    expect(scopesFor(crm2, ['contacts', 'deals'])).toEqual(['contacts.read', 'contacts.write', 'deals.read']);
  });
  it('de-duplicates a scope shared by modules', () => {
    expect(scopesFor(crm2, ['notes', 'deals'])).toEqual(['deals.read', 'contacts.read', 'notes.read']);
  });
  it('ignores unknown modules (validation reports them)', () => {
    expect(scopesFor(crm2, ['nope'])).toEqual([]);
  });
});
