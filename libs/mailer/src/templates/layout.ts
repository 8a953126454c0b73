import { escapeHtml, oneLine } from '../html';
import { localeOf, translate, type MailLanguage } from '../i18n';
import type { MailApp, RenderedMail } from './types';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'apps'; apps: MailApp[] }
  /** A value the user typed elsewhere (reason, error, description), set apart so it cannot pass for our words. */
  | { kind: 'quote'; label: string; text: string };

export interface Layout {
  /** The addressee's language: the footer's words and the HTML `lang` follow it. */
  language: MailLanguage;
  subject: string;
  greeting: string;
  blocks: Block[];
  action: { label: string; url: string };
  /** Why this person gets the e-mail; defaults to taking part in a request. */
  why?: string;
}

function footer(layout: Layout): string {
  return `${translate(layout.language, 'layout.safeLink')} ${layout.why ?? translate(layout.language, 'layout.why')}`;
}

function appLine(app: MailApp): string {
  return app.modules.length ? `${app.appName}: ${app.modules.join(', ')}` : app.appName;
}

/**
 * The web app opens in the e-mail's language (`lng`, read before the browser's own): someone the requester wrote to
 * in Portuguese, on a browser set to English, reads the pages as the e-mail. Opening the link changes nothing else.
 */
function actionUrl(layout: Layout): string {
  const url = layout.action.url;
  const at = url.includes('#') ? url.indexOf('#') : url.length;
  const path = url.slice(0, at);
  return `${path}${path.includes('?') ? '&' : '?'}lng=${localeOf(layout.language)}${url.slice(at)}`;
}

function renderText(layout: Layout): string {
  const parts: string[] = [layout.greeting];
  for (const block of layout.blocks) {
    if (block.kind === 'paragraph') parts.push(block.text);
    else if (block.kind === 'apps') parts.push(block.apps.map((app) => `- ${appLine(app)}`).join('\n'));
    else parts.push(`${block.label}:\n${block.text.replace(/^/gm, '> ')}`);
  }
  parts.push(`${layout.action.label}: ${actionUrl(layout)}`);
  parts.push(`--\n${footer(layout)}`);
  return `${parts.join('\n\n')}\n`;
}

function renderHtmlBlock(block: Block): string {
  if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
  if (block.kind === 'apps') {
    const items = block.apps.map((app) => {
      const modules = app.modules.length ? `: ${escapeHtml(app.modules.join(', '))}` : '';
      return `<li><strong>${escapeHtml(app.appName)}</strong>${modules}</li>`;
    });
    return `<ul>${items.join('')}</ul>`;
  }
  return (
    `<p>${escapeHtml(block.label)}:</p>` +
    `<blockquote style="border-left:3px solid #ccc;margin:0 0 1em;padding-left:1em;white-space:pre-wrap">` +
    `${escapeHtml(block.text)}</blockquote>`
  );
}

/** The action's button (exported for the templates' specs, which find the anchor by it). */
export const ACTION_STYLE =
  'display:inline-block;background:#5b21b6;color:#ffffff;padding:0.6em 1.2em;border-radius:6px;font-weight:bold;text-decoration:none';

function renderHtml(layout: Layout): string {
  const url = escapeHtml(actionUrl(layout));
  return [
    '<!doctype html>',
    `<html lang="${localeOf(layout.language)}"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(layout.subject))}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.4;color:#1a1a1a">',
    '<div style="max-width:36em">',
    `<p>${escapeHtml(layout.greeting)}</p>`,
    ...layout.blocks.map(renderHtmlBlock),
    // The one thing to do, as a button in the web app's colours (inline: mail clients drop style sheets).
    `<p style="margin:1.5em 0"><a href="${url}" style="${ACTION_STYLE}">${escapeHtml(layout.action.label)}</a></p>`,
    `<p style="font-size:small;color:#595959">${escapeHtml(translate(layout.language, 'layout.link'))}: ${url}<br>${escapeHtml(footer(layout))}</p>`,
    '</div>',
    '</body></html>',
    '',
  ].join('\n');
}

export function render(layout: Layout): RenderedMail {
  return { subject: oneLine(layout.subject), text: renderText(layout), html: renderHtml(layout) };
}

/** Optional user-typed values become a block only when present, so no "null"/"undefined" reaches the mail. */
export function optionalQuote(label: string, text: string | null | undefined): Block[] {
  const trimmed = text?.trim();
  return trimmed ? [{ kind: 'quote', label, text: trimmed }] : [];
}

export function greet(language: MailLanguage, name: string): string {
  const trimmed = name.trim();
  return trimmed
    ? translate(language, 'layout.greeting', { name: trimmed })
    : translate(language, 'layout.greetingNoName');
}
