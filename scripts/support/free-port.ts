import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The kernel's ephemeral range: `listen(0)` and outgoing connections take their ports from it. */
function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && low > 20_100 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const handedOut = new Set<number>();

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/**
 * A loopback port nothing listens on right now (for a child process to bind, or to show a refused connection),
 * chosen BELOW the ephemeral range: a port the kernel handed to `listen(0)` and that we then released could be
 * handed again to the next `listen(0)` — an SMTP sink or an OpenID provider started in between — before its
 * intended server binds it (web-requests failed on EADDRINUSE so, 2026-12-04; the split bench's gateway may have
 * died so). Never the same port twice per process. Shared by the tests and the bench.
 */
export async function freePort(): Promise<number> {
  const low = 20_000;
  const high = ephemeralLow() - 1;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (handedOut.has(port) || !(await isFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port found in ${low}-${high}`);
}
