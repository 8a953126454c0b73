import { formatFullDateTime, formatMoment, toDateTimeLocal } from './format';

describe('toDateTimeLocal', () => {
  it('gives back the local moment a datetime-local input reads, to the minute', () => {
    const iso = '2027-03-04T05:06:59.000Z';
    const value = toDateTimeLocal(iso);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // Read back as local time, it is the same moment without its seconds.
    expect(new Date(value).toISOString()).toBe('2027-03-04T05:06:00.000Z');
  });
});

describe('formatMoment and formatFullDateTime', () => {
  it('say the time zone, in the page’s language', () => {
    const iso = '2027-01-15T00:00:00.000Z';
    // Node's own zone here is whatever the machine has; the zone's name must be there in either language.
    const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value;
    expect(zone).toBeTruthy();
    expect(formatMoment(iso, 'en-US')).toContain(zone);
    expect(formatFullDateTime(iso, 'en-US')).toContain(zone);
    expect(formatMoment(iso, 'pt-BR')).toMatch(/2027/);
    expect(formatMoment(null, 'en-US')).toBe('');
  });
});
