import { dottedPath, fieldErrorFromGraphqlMessage } from './input-error-paths';

describe('graphql-js input messages → field errors (SPEC R13.3)', () => {
  it('writes paths with dots only', () => {
    expect(dottedPath('input.apps[0].appKey')).toBe('input.apps.0.appKey');
    expect(dottedPath('input.apps[12].modules[3]')).toBe('input.apps.12.modules.3');
  });

  it.each([
    [
      'Variable "$input" got invalid value { modules: ["a"] } at "input.apps[0]"; Field "appKey" of required type "String!" was not provided.',
      { path: 'input.apps.0.appKey', message: 'required field of type String! was not provided' },
    ],
    [
      'Variable "$input" got invalid value "GOLD" at "input.plan"; Value "GOLD" does not exist in "Plan" enum.',
      { path: 'input.plan', message: 'not a value of the Plan enum' },
    ],
    [
      'Variable "$input" got invalid value "x" at "input.apps[1].version"; Int cannot represent non-integer value: "x"',
      { path: 'input.apps.1.version', message: 'expected a value of type Int' },
    ],
    [
      'Variable "$input" got invalid value { colour: "red" } at "input.apps[2]"; Field "colour" is not defined by type "RequestedAppInput".',
      { path: 'input.apps.2.colour', message: 'not a field of RequestedAppInput' },
    ],
    [
      'Variable "$input" got invalid value "soon" at "input.accessUntil"; Expected type "DateTime". DateTime must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00.000Z',
      {
        path: 'input.accessUntil',
        message:
          'expected a value of type DateTime: DateTime must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00.000Z',
      },
    ],
    [
      'Variable "$input" of required type "CreateCredentialRequestInput!" was not provided.',
      { path: 'input', message: 'required value of type CreateCredentialRequestInput! was not provided' },
    ],
    ['Variable "$id" of non-null type "ID!" must not be null.', { path: 'id', message: 'must not be null (type ID!)' }],
    [
      'Field "createTeam" argument "name" of type "String!" is required, but it was not provided.',
      { path: 'name', message: 'required argument of type String! was not provided' },
    ],
  ])('%s', (message, expected) => {
    expect(fieldErrorFromGraphqlMessage(message)).toEqual(expected);
  });

  it('never copies the submitted value into the field message', () => {
    const secret = 'sk_live_canary';
    const error = fieldErrorFromGraphqlMessage(
      `Variable "$input" got invalid value { apiKey: "${secret}" }; Field "requestId" of required type "ID!" was not provided.`,
    );
    expect(error).toEqual({ path: 'input.requestId', message: 'required field of type ID! was not provided' });
    expect(JSON.stringify(error)).not.toContain(secret);
  });
});
