// Catalogue of the webhooks feature (namespace "webhooks"); R12.6.
export const en = {
  nav: { webhooks: 'Webhooks' },
  title: 'Webhooks',
  team: 'Team: {{name}}',
  intro:
    'Let another system know each time one of the team’s credential requests changes status: the service sends a signed message to each address registered here.',
  guide: {
    summary: 'What your endpoint receives, and how to check it',
    post: 'For each change (a request created, an app authorized, declined, revoked, to be reauthorized …), one POST with a JSON body such as:',
    fields:
      'id: the change, the same in every attempt; type: what happened; status: the request’s status after it; appKey: the app it concerns (null for a new request); at: when it happened (UTC).',
    signature:
      'sha256= followed by the HMAC-SHA256, in hexadecimal, of the body exactly as received, keyed with the signing secret shown when you registered the endpoint.',
    idempotency:
      'The same for every attempt of one delivery: keep the keys you have processed, and ignore a delivery whose key you have seen.',
    verify:
      'Compute the signature over the raw body, before parsing it, and compare in constant time; refuse the delivery when they differ. In Node.js:',
    answer:
      'Answer with a 2xx status within 10 seconds. Any other answer, or none, is tried again, up to 8 attempts over about two minutes (1, 2, 4 … 64 seconds apart); after the last, that change is not sent again.',
    private:
      'No message holds a credential, a name or an e-mail address: read the request through the API with its requestId when you need more.',
  },
  noTeam: 'Choose an organization with a team in the switcher above.',
  empty: 'No webhooks registered.',
  columns: { url: 'Endpoint', createdAt: 'Registered', actions: 'Actions' },
  register: {
    title: 'Register a webhook',
    url: 'Endpoint URL (https)',
    hint: 'An https address the service can reach.',
    submit: 'Register webhook',
    empty: 'Enter the https address deliveries are sent to, such as https://example.com/hooks.',
  },
  secret: {
    title: 'Signing secret',
    once: 'Copy this signing secret now and store it safely. It is shown once and never again.',
    label: 'Signing secret of {{url}}',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying did not work; select the text and copy it yourself.',
    done: 'I have stored it',
    escape: 'The secret is not shown again once this closes. Copy it first, then press "I have stored it".',
  },
  outcome: {
    registered: 'Webhook registered: status changes of the team’s requests are sent to it.',
    deleted: 'Webhook deleted.',
    gone: 'This webhook was already deleted (in another tab, or by another admin): the list shows those left.',
  },
  delete: {
    button: 'Delete',
    label: 'Delete the webhook {{url}}',
    title: 'Delete webhook?',
    confirm: 'Deliveries to {{url}} stop. This cannot be undone.',
    submit: 'Delete webhook',
  },
  errors: {
    FORBIDDEN: 'Only the organization’s owners and admins, or the team’s admins, manage webhooks.',
    NOT_FOUND: 'This team does not exist or you are not a member of its organization.',
    generic: 'It did not work: {{message}}',
  },
};
