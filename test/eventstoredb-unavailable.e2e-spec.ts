import { createServer } from 'node:net';
import { createEventStore, EventStoreUnavailableError } from '@libs/event-store';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('EventStoreDB adapter without a server', () => {
  it('fails with EventStoreUnavailableError naming the host, never the credentials', async () => {
    const port = await closedPort();
    const attempt = createEventStore({
      eventStore: 'eventstoredb',
      eventStoreConnectionString: `esdb://admin:s3cret-pass@127.0.0.1:${port}?tls=false`,
      dataDir: '/nonexistent',
    });
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toBe(`EventStoreDB is unreachable at 127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('s3cret');
  });
});
