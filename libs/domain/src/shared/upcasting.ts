import type { DomainEvent } from './types';

/**
 * Events are stored forever; when an event's data shape changes we bump its schema version and register an
 * upcaster from the old version, so readers (evolve, projections) only ever see the current shape.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast: (data: Record<string, unknown>) => Record<string, unknown>;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) this.register(u);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`Upcaster already registered for ${key}`);
    this.byKey.set(key, upcaster);
    return this;
  }

  /** Applies every step from the event's version on; an event without a version is version 1. */
  upcast<E extends DomainEvent>(event: DomainEvent): E {
    let version = event.schemaVersion ?? 1;
    let data = event.data as Record<string, unknown>;
    for (;;) {
      const step = this.byKey.get(`${event.type}@${version}`);
      if (!step) break;
      data = step.upcast(data);
      version += 1;
    }
    return { type: event.type, data, schemaVersion: version } as E;
  }
}
