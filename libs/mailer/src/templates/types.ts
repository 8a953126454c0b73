import type { MailLanguage } from '../i18n';

/**
 * Inputs of the templates: names, ids, dates and links only. No secret field exists here on purpose (SPEC §11
 * "No e-mail holds a secret"), so a caller cannot pass one by accident.
 */

export interface MailApp {
  appKey: string;
  appName: string;
  /** Display names of the requested modules. */
  modules: string[];
}

export interface MailRequest {
  requestId: string;
  requestName: string;
  requesterName: string;
  recipientName: string;
  description?: string | null;
  apps: MailApp[];
}

/** Who a two-party e-mail (R5.5, R12.4) is addressed to; it changes the wording, not the facts. */
export type MailParty = 'requester' | 'recipient';

/** Every template's input may name the addressee's language; absent (or unknown): English. */
export interface Localized {
  language?: MailLanguage | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
