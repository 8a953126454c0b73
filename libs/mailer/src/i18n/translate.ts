import { en, type MessageKey, type Messages } from './messages.en';
import { ptBr } from './messages.pt-br';

/** The languages of e-mails (GraphQL `Language`); the same strings as the domain's, kept here so the mailer stands alone. */
export type MailLanguage = 'EN' | 'PT_BR';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['EN', 'PT_BR'];

export const catalogues: Record<MailLanguage, Messages> = { EN: en, PT_BR: ptBr };
const LOCALES: Record<MailLanguage, string> = { EN: 'en', PT_BR: 'pt-BR' };

/** Anything else (an old queued job without a language, a typo) is English rather than a failed e-mail. */
export function mailLanguage(value: unknown): MailLanguage {
  return MAIL_LANGUAGES.includes(value as MailLanguage) ? (value as MailLanguage) : 'EN';
}

export const localeOf = (language: MailLanguage): string => LOCALES[language];

/** One pass over the message: a value (a user-typed name) is inserted as is and never scanned for placeholders. */
export function translate(
  language: MailLanguage,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** `{count} day` / `{count} days` by the language's plural rules. */
export function countOf(language: MailLanguage, one: MessageKey, other: MessageKey, count: number): string {
  const rule = new Intl.PluralRules(localeOf(language)).select(count);
  return translate(language, rule === 'one' ? one : other, { count });
}

/**
 * Dates in the addressee's locale, always in UTC and saying so: the reader may be in any time zone, and an e-mail
 * cannot know which (e.g. "March 5, 2026 at 02:30 PM UTC", "5 de março de 2026 às 14:30 UTC").
 */
export function formatDate(iso: string, language: MailLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}
