import { domainOf, messageIdFor, messageKeyDigest } from './message-id';

describe('messageIdFor', () => {
  it('is deterministic per key and differs between keys', () => {
    const a = messageIdFor('evt-1:reviewRequest:rob@example.test', 'example.test');
    expect(a).toBe(messageIdFor('evt-1:reviewRequest:rob@example.test', 'example.test'));
    expect(a).not.toBe(messageIdFor('evt-1:reviewRequest:rita@example.test', 'example.test'));
    expect(a).toMatch(/^<[0-9a-f]{40}@example\.test>$/);
  });

  it('keeps an id that is already a Message-ID', () => {
    expect(messageIdFor('<abc@host.test>', 'example.test')).toBe('<abc@host.test>');
  });

  it('derives the domain from MAIL_FROM', () => {
    expect(domainOf('Credential requests <no-reply@Mail.Example.test>')).toBe('mail.example.test');
    expect(domainOf('bare@example.test')).toBe('example.test');
    expect(domainOf('nobody')).toBe('localhost');
  });

  it('names files with a filesystem-safe digest', () => {
    expect(messageKeyDigest('a:b/c@d')).toMatch(/^[0-9a-f]{40}$/);
  });
});
