import { join } from 'node:path';
import { DEFAULT_MAIL_FROM, mailerConfigFromEnv, publicUrlFromEnv } from './config';

describe('mailer configuration', () => {
  it('falls back to .eml files under DATA_DIR and the default sender', () => {
    expect(mailerConfigFromEnv({})).toEqual({
      smtpUrl: null,
      from: DEFAULT_MAIL_FROM,
      mailDir: join('./data', 'mail'),
    });
    expect(mailerConfigFromEnv({ DATA_DIR: '/var/cr', SMTP_URL: ' ', MAIL_FROM: '' })).toEqual({
      smtpUrl: null,
      from: 'Credential requests <no-reply@localhost>',
      mailDir: '/var/cr/mail',
    });
  });

  it('uses SMTP_URL and MAIL_FROM when set', () => {
    expect(mailerConfigFromEnv({ SMTP_URL: 'smtp://mail:25', MAIL_FROM: 'x@y.test' })).toMatchObject({
      smtpUrl: 'smtp://mail:25',
      from: 'x@y.test',
    });
  });

  it('derives PUBLIC_URL from PORT when unset', () => {
    expect(publicUrlFromEnv({})).toBe('http://localhost:3000');
    expect(publicUrlFromEnv({ PORT: '8080' })).toBe('http://localhost:8080');
    expect(publicUrlFromEnv({ PUBLIC_URL: 'https://cr.example.test/' })).toBe('https://cr.example.test');
  });
});
