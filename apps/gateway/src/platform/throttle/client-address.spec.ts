import { rateLimitKeyOf } from './client-address';

describe('rateLimitKeyOf (R13.12)', () => {
  it('counts an IPv4 client the same on IPv4 and dual-stack listeners', () => {
    expect(rateLimitKeyOf('192.0.2.1')).toBe('192.0.2.1');
    expect(rateLimitKeyOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it does not help', () => {
    expect(rateLimitKeyOf('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKeyOf('2001:db8:1:2:ffff::9')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKeyOf('2001:db8:1:3::5')).not.toBe(rateLimitKeyOf('2001:db8:1:2::5'));
  });

  it('keeps anything else as it is', () => {
    expect(rateLimitKeyOf('not-an-address')).toBe('not-an-address');
  });
});
