// The lengths the server accepts (libs/domain LIMITS), shown as counters and maxLength so nobody learns them from a
// refusal. The web app
// cannot import the server's code; test/field-messages-coverage.e2e-spec.ts fails when the two differ.
export const LIMITS = {
  name: 100,
  description: 256,
  note: 256,
  connectionName: 100,
  recipientName: 100,
  reason: 256,
  organizationName: 100,
  teamName: 100,
  memberName: 100,
} as const;
