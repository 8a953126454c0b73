import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { currentRequestId } from '@libs/config';
import { CORRELATION_ID, inSpan } from './spans';

const TRACED = Symbol('tracedCommandBus');

interface WithContext {
  context?: { correlationId?: string };
}

/** Wraps the (shared) command bus once: each command runs in a span named for its class. */
@Injectable()
export class CommandTracing implements OnModuleInit {
  constructor(private readonly bus: CommandBus) {}

  onModuleInit(): void {
    const bus = this.bus as CommandBus & { [TRACED]?: true };
    if (bus[TRACED]) return;
    bus[TRACED] = true;
    const execute = bus.execute.bind(bus) as (command: object, ...rest: unknown[]) => Promise<unknown>;
    bus.execute = ((command: object, ...rest: unknown[]) =>
      inSpan(
        `command ${command.constructor.name}`,
        {
          attributes: {
            [CORRELATION_ID]: (command as WithContext).context?.correlationId ?? currentRequestId() ?? '',
          },
        },
        () => execute(command, ...rest),
      )) as CommandBus['execute'];
  }
}
