import { type Decider, DomainError, type ErrorCode } from '../shared/types';

/**
 * given(events).when(command).then(expectedEvents) / .thenThrows(code, fieldPaths?) — the Emmett
 * DeciderSpecification idea, small enough to keep the domain free of test dependencies. It throws plain Errors
 * so it works under any test runner.
 */
export interface DeciderThen<Event> {
  then: (expected: Event[]) => void;
  thenThrows: (code: ErrorCode, fieldPaths?: string[]) => DomainError;
  /** The raw outcome, for assertions the two helpers above do not cover. */
  events: () => Event[];
}

export interface DeciderWhen<Command, Event> {
  when: (command: Command) => DeciderThen<Event>;
}

function fail(message: string): never {
  throw new Error(message);
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export const DeciderSpecification = {
  for<State, Command, Event>(decider: Decider<State, Command, Event>) {
    return {
      given(events: Event[] = []): DeciderWhen<Command, Event> {
        return {
          when(command: Command): DeciderThen<Event> {
            const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
            return {
              events: run,
              then(expected: Event[]) {
                const actual = run();
                if (stable(actual) !== stable(expected)) {
                  fail(`Expected events\n${stable(expected)}\nbut got\n${stable(actual)}`);
                }
              },
              thenThrows(code: ErrorCode, fieldPaths?: string[]) {
                let produced: Event[];
                try {
                  produced = run();
                } catch (error) {
                  if (!(error instanceof DomainError)) throw error;
                  if (error.code !== code) fail(`Expected DomainError ${code} but got ${error.code}: ${error.message}`);
                  if (fieldPaths) {
                    const actual = error.fields.map((f) => f.path).sort();
                    const wanted = [...fieldPaths].sort();
                    if (stable(actual) !== stable(wanted)) {
                      fail(`Expected field errors ${stable(wanted)} but got ${stable(actual)}`);
                    }
                  }
                  return error;
                }
                return fail(`Expected DomainError ${code} but the decider returned ${stable(produced)}`);
              },
            };
          },
        };
      },
    };
  },
};
