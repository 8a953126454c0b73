import { acceptInvitation } from './accept-invitation';
import { accessEnded } from './access-ended';
import { accessRemoved } from './access-removed';
import { appAuthorized } from './app-authorized';
import { appDeclined } from './app-declined';
import { appReauthorized } from './app-reauthorized';
import { connectionExpired } from './connection-expired';
import { featureGranted } from './feature-granted';
import { reauthorizationRequested } from './reauthorization-requested';
import { reminder } from './reminder';
import { reviewRequest } from './review-request';
import type { RenderedMail } from './types';

/** Every template by name, so a queued job can carry `{ template, data }` as plain JSON. */
export const mailTemplates = {
  reviewRequest,
  acceptInvitation,
  appAuthorized,
  appDeclined,
  reauthorizationRequested,
  appReauthorized,
  connectionExpired,
  featureGranted,
  accessEnded,
  accessRemoved,
  reminder,
} as const;

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateData<K extends MailTemplateName> = Parameters<(typeof mailTemplates)[K]>[0];

export function renderMail<K extends MailTemplateName>(template: K, data: MailTemplateData<K>): RenderedMail {
  const fn = mailTemplates[template] as (input: MailTemplateData<K>) => RenderedMail;
  return fn(data);
}
