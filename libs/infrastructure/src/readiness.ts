import { Injectable } from '@nestjs/common';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Modules register what `/health/ready` must see answering (database, Redis, event store). */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async run(timeoutMs = 2000): Promise<{ ready: boolean; checks: Record<string, { ok: boolean; error?: string }> }> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            c.check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
            }),
          ]);
          return [c.name, { ok: true }] as const;
        } catch (error) {
          return [c.name, { ok: false, error: error instanceof Error ? error.message : String(error) }] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return { ready: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
  }
}
