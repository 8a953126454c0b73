/** BullMQ queue names (hash-tagged so a Redis Cluster keeps each queue's keys in one slot). */
export const QUEUE_NAMES = {
  mail: '{mail}',
  oauthRefresh: '{oauth-refresh}',
  reminders: '{reminders}',
  webhooks: '{webhooks}',
} as const;
