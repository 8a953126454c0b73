import { actionsFor } from './app-actions';

const app = (status: string) => ({ status }) as Parameters<typeof actionsFor>[0];

describe('the actions an app card offers (R5, R5.4)', () => {
  it('a recipient of an authorized OAuth2 app: Revoke and Decline; Request reauthorization too when they are a team admin', () => {
    expect(actionsFor(app('AUTHORIZED'), 'OAUTH2', 'RECIPIENT', false)).toEqual(['revoke', 'decline']);
    expect(actionsFor(app('AUTHORIZED'), 'OAUTH2', 'RECIPIENT', true)).toEqual([
      'requestReauthorization',
      'revoke',
      'decline',
    ]);
  });

  it('a recipient of a keyed app updates the key instead; nobody asks for a keyed app to be reauthorized', () => {
    expect(actionsFor(app('AUTHORIZED'), 'API_KEY', 'RECIPIENT', true)).toEqual(['update', 'revoke', 'decline']);
    expect(actionsFor(app('AUTHORIZED'), 'API_KEY', 'REQUESTER', true)).toEqual([]);
  });

  it('the requester asks for an authorized OAuth2 app only; a teammate who may not ask is offered nothing', () => {
    expect(actionsFor(app('AUTHORIZED'), 'OAUTH2', 'REQUESTER', true)).toEqual(['requestReauthorization']);
    expect(actionsFor(app('REAUTHORIZING'), 'OAUTH2', 'REQUESTER', true)).toEqual([]);
    expect(actionsFor(app('AUTHORIZED'), 'OAUTH2', 'TEAM_MEMBER', false)).toEqual([]);
  });
});
