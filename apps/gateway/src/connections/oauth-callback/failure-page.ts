// The page a browser gets when the callback has no request to go back to (a state replayed, expired, or presented by
// another browser; too many guesses). The person is often outside the organization and not a programmer: it says what
// happened and what to do, in their browser's language, with a way back, and nothing of what the URL carried.

import { escapeHtml } from '@libs/mailer';

type Language = 'en' | 'pt';

const WORDS: Record<Language, { title: string; back: string; codes: Record<string, string> }> = {
  en: {
    title: 'Authorization not completed',
    back: 'Go to your credential requests',
    codes: {
      INVALID_STATE:
        'This authorization was already completed, or it took too long. Open the request again and choose Authorize.',
      OTHER_BROWSER:
        'This authorization was started in another browser. Open the request in the browser you started from, ' +
        'signed in as the person it was sent to, and choose Authorize there.',
      RATE_LIMITED: 'Too many attempts. Wait a few minutes, then open the request again and choose Authorize.',
    },
  },
  pt: {
    title: 'Autorização não concluída',
    back: 'Ir para as suas solicitações de credenciais',
    codes: {
      INVALID_STATE:
        'Esta autorização já foi concluída ou demorou demais. Abra a solicitação de novo e clique em Autorizar.',
      OTHER_BROWSER:
        'Esta autorização foi iniciada em outro navegador. Abra a solicitação no navegador em que começou, ' +
        'com a conta da pessoa a quem ela foi enviada, e clique em Autorizar.',
      RATE_LIMITED: 'Muitas tentativas. Espere alguns minutos, abra a solicitação de novo e clique em Autorizar.',
    },
  },
};

/**
 * The language the reader chose in the web app (its `lang` cookie, written beside its localStorage choice), which
 * wins over the browser's: someone written to in Portuguese, on a browser set to English, chose Portuguese.
 */
export function chosenLanguage(cookieHeader: string | undefined): string | null {
  const chosen = /(?:^|;\s*)lang=([^;]*)/.exec(cookieHeader ?? '')?.[1];
  return chosen === 'en' || chosen === 'pt-BR' ? chosen : null;
}

/** `accepted`: the reader's language (`chosenLanguage`, else the browser's); `fallback`: the API's sentence. */
export function failurePage(accepted: string, code: string, fallback: string, publicUrl: string): string {
  const language: Language = accepted.toLowerCase().startsWith('pt') ? 'pt' : 'en';
  const words = WORDS[language];
  const text = words.codes[code] ?? fallback;
  return (
    `<!doctype html><html lang="${language === 'pt' ? 'pt-BR' : 'en'}"><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${words.title}</title>` +
    // No style: the service's Content-Security-Policy (style-src 'self') refuses inline styles.
    `<main>` +
    `<h1>${words.title}</h1><p>${escapeHtml(text)}</p>` +
    // Only the recipient starts a grant: the requests they received.
    `<p><a href="${escapeHtml(`${publicUrl}/requests?tab=received`)}">${words.back}</a></p></main></html>`
  );
}
