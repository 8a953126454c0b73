// What an untranslated bit of a Portuguese page looks like: a sentence of the web app's English catalogues that the
// Portuguese catalogue says differently. Names of people, requests, apps and modules are data, not catalogue text.
import type { Page } from 'playwright-core';
import { en as auditLog } from '../../apps/web/src/features/audit-log/messages/en';
import { ptBR as auditLogPt } from '../../apps/web/src/features/audit-log/messages/pt-BR';
import { en as common } from '../../apps/web/src/app/messages/en';
import { ptBR as commonPt } from '../../apps/web/src/app/messages/pt-BR';
import { en as directory } from '../../apps/web/src/features/directory/messages/en';
import { ptBR as directoryPt } from '../../apps/web/src/features/directory/messages/pt-BR';
import { en as featureAccess } from '../../apps/web/src/features/feature-access/messages/en';
import { ptBR as featureAccessPt } from '../../apps/web/src/features/feature-access/messages/pt-BR';
import { en as requests } from '../../apps/web/src/features/requests/messages/en';
import { ptBR as requestsPt } from '../../apps/web/src/features/requests/messages/pt-BR';
import { en as webhooks } from '../../apps/web/src/features/webhooks/messages/en';
import { ptBR as webhooksPt } from '../../apps/web/src/features/webhooks/messages/pt-BR';

type Catalogue = { [key: string]: string | Catalogue };

const PAIRS: [object, object][] = [
  [common, commonPt],
  [auditLog, auditLogPt],
  [directory, directoryPt],
  [featureAccess, featureAccessPt],
  [requests, requestsPt],
  [webhooks, webhooksPt],
];

/**
 * Every English phrase of two words or more (the literal parts of a message around its `{{placeholders}}` and
 * `<tags>`) that its Portuguese message does not contain word for word.
 */
export function englishPhrases(): string[] {
  const phrases = new Set<string>();
  const walk = (english: Catalogue, portuguese: Catalogue | undefined) => {
    for (const [key, value] of Object.entries(english)) {
      const translated = portuguese?.[key];
      if (typeof value !== 'string') {
        walk(value, typeof translated === 'object' ? translated : undefined);
        continue;
      }
      for (const part of value.split(/\{\{[^}]*\}\}|<[^>]*>/)) {
        const phrase = part.replace(/\s+/g, ' ').trim();
        if (phrase.split(' ').length < 2) continue;
        if (typeof translated === 'string' && translated.includes(phrase)) continue;
        phrases.add(phrase);
      }
    }
  };
  for (const [english, portuguese] of PAIRS) walk(english as Catalogue, portuguese as Catalogue);
  return [...phrases];
}

/** The phrases found in a page's text (what it shows and what it says to a screen reader). */
export function englishLeft(pageText: string, phrases: readonly string[]): string[] {
  const text = pageText.replace(/\s+/g, ' ');
  return phrases.filter((phrase) => text.includes(phrase));
}

/** What a page says: its title, its text, and the accessible names and hints written in attributes. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate<string>(`[
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? '')),
  ].join('\\n')`);
}
