// Catalogue of the webhooks feature (namespace "webhooks"); R12.6.
export const en = {
  nav: { webhooks: 'Webhooks' },
  title: 'Webhooks',
  team: 'Team: {{name}}',
  intro:
    'Every status change of the team’s credential requests is POSTed to each endpoint, signed with HMAC-SHA256, with an idempotency id, and retried with back-off.',
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
