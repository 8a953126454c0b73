import { toDateTimeLocal } from './format';

describe('toDateTimeLocal', () => {
  it('gives back the local moment a datetime-local input reads, to the minute', () => {
    const iso = '2027-03-04T05:06:59.000Z';
    const value = toDateTimeLocal(iso);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // Read back as local time, it is the same moment without its seconds.
    expect(new Date(value).toISOString()).toBe('2027-03-04T05:06:00.000Z');
  });
});
