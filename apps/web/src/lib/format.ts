// Dates and times in the viewer's locale (the language chosen in the app), never a fixed format.
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

// dateStyle/timeStyle cannot be combined with timeZoneName: the fields are spelled out.
const MOMENT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * A moment that decides something (an access that ends then, R12.4), with its time zone: the two parties may be in
 * different ones, and the e-mail says it in UTC, so a moment without its zone read as two different days.
 */
export function formatMoment(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, MOMENT).format(new Date(iso));
}

/** A moment someone just picked, written out in full (with the weekday and the zone) to confirm it in the page's
 * language. */
export function formatFullDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { ...MOMENT, weekday: 'long', month: 'long' }).format(new Date(iso));
}

/** A moment as a `datetime-local` input's value: local time, to the minute (the input's own precision). */
export function toDateTimeLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
