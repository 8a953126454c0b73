import { addressProblem, assertWebhookUrl, checkWebhookTarget } from './webhook-url';

describe('webhook target addresses (R13.3)', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::7f00:1', /ipv4Compatible address carrying 127\.0\.0\.1/],
    ['64:ff9b::7f00:1', /rfc6052 address carrying 127\.0\.0\.1/],
    ['64:ff9b::a9fe:a9fe', /carrying 169\.254\.169\.254/],
    ['2002:7f00:1::', /6to4 address carrying 127\.0\.0\.1/],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', /teredo address carrying 127\.0\.0\.1/],
    ['198.18.0.1', /reserved/],
    ['192.0.0.8', /reserved/],
    ['169.254.169.254', /linkLocal/],
    ['100.64.0.1', /carrierGradeNat/],
    ['10.0.0.1', /private/],
    ['fd00::1', /uniqueLocal/],
    ['2001:db8::1', /reserved/],
    ['nonsense', /not an IP address/],
  ])('refuses %s', (ip, why) => {
    expect(addressProblem(ip)).toMatch(why);
  });

  it.each(['93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])('accepts the public unicast %s', (ip) => {
    expect(addressProblem(ip)).toBeNull();
  });

  it('resolves a name once and refuses it when any answer is not public', async () => {
    const asked: string[] = [];
    const resolve = async (host: string) => (asked.push(host), ['93.184.216.34', '10.0.0.7']);
    await expect(checkWebhookTarget('https://hooks.example.test/x', false, resolve)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'url', message: expect.stringMatching(/10\.0\.0\.7 is a private address/) }],
    });
    expect(asked).toEqual(['hooks.example.test']);
    // The registrant (registerWebhook's check) is not told where an inside name points.
    await expect(assertWebhookUrl('https://hooks.example.test/x', false, resolve)).rejects.toMatchObject({
      fields: [{ path: 'url', message: 'the host must resolve to public addresses only' }],
    });
    // A name that does not resolve gets the same answer: nothing tells which inside names exist, nor where.
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    await expect(assertWebhookUrl('https://db.internal.test/x', false, failing)).rejects.toMatchObject({
      fields: [{ path: 'url', message: 'the host must resolve to public addresses only' }],
    });
    // An address typed in the URL is told what is wrong with it.
    await expect(assertWebhookUrl('https://10.0.0.7/x', false, resolve)).rejects.toMatchObject({
      fields: [{ path: 'url', message: expect.stringMatching(/10\.0\.0\.7 is a private address/) }],
    });
    await expect(
      checkWebhookTarget('https://hooks.example.test/x', false, async () => ['93.184.216.34']),
    ).resolves.toMatchObject({ address: '93.184.216.34', family: 4 });
  });
});
