import { metricsAllowed } from './metrics-access';

describe('metricsAllowed (issue 11 item 9)', () => {
  it('with METRICS_TOKEN, wants that bearer from anywhere', () => {
    const token = 'metrics-token-0123456789';
    expect(metricsAllowed(token, `Bearer ${token}`, '203.0.113.5')).toBe(true);
    expect(metricsAllowed(token, 'Bearer wrong', '127.0.0.1')).toBe(false);
    expect(metricsAllowed(token, undefined, '127.0.0.1')).toBe(false);
  });

  it('without it, answers loopback clients only', () => {
    expect(metricsAllowed(undefined, undefined, '127.0.0.1')).toBe(true);
    expect(metricsAllowed(undefined, undefined, '::1')).toBe(true);
    expect(metricsAllowed(undefined, undefined, '::ffff:127.0.0.1')).toBe(true);
    expect(metricsAllowed(undefined, undefined, '10.1.2.3')).toBe(false);
    expect(metricsAllowed(undefined, undefined, '2001:db8::1')).toBe(false);
    expect(metricsAllowed(undefined, undefined, undefined)).toBe(false);
  });
});
