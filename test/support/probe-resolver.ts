import { ForbiddenException, Module, NotFoundException } from '@nestjs/common';
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { DomainError, type ErrorCode } from '@libs/domain';
import { CurrentIdentity, type Caller } from '../../apps/gateway/src/platform/auth';
import {
  AuthorizeAppInput,
  CreateCredentialRequestInput,
  CreateOrganizationInput,
  DateTimeScalar,
} from '../../apps/gateway/src/platform/graphql';

/**
 * Test-only root fields that exercise the gateway's foundation (auth guard, validation pipe, error formatter)
 * before the use-case resolvers exist. Never part of apps/.
 */
@Resolver()
export class ProbeResolver {
  @Query(() => String)
  whoAmI(@CurrentIdentity() caller: Caller): string {
    return `${caller.userId}:${caller.email}:${caller.support ? 'support' : 'user'}`;
  }

  @Query(() => String)
  failWith(@Args('code', { type: () => String }) code: string): string {
    const fields = code === 'BAD_USER_INPUT' ? [{ path: 'input.recipient.userId', message: 'not a member' }] : [];
    throw new DomainError(code as ErrorCode, `refused with ${code}`, fields);
  }

  @Query(() => String)
  missing(): string {
    throw new NotFoundException('credential request not found');
  }

  @Query(() => String)
  forbidden(): string {
    throw new ForbiddenException('not yours to change');
  }

  @Query(() => String)
  crash(@Args('canary', { type: () => String }) canary: string): string {
    throw new Error(`connection to postgres://app:${canary}@db failed`);
  }

  @Query(() => DateTimeScalar)
  moment(): Date {
    return new Date('2026-01-02T03:04:05+02:00');
  }

  @Mutation(() => String)
  probeCreateRequest(@Args('input') input: CreateCredentialRequestInput): string {
    return JSON.stringify({
      name: input.name,
      apps: input.apps.length,
      isClass: input instanceof CreateCredentialRequestInput,
    });
  }

  @Mutation(() => String)
  probeAuthorize(@Args('input') input: AuthorizeAppInput): string {
    return input.accessUntil ? input.accessUntil.toISOString() : 'no end';
  }

  @Mutation(() => String)
  probeCreateOrganization(@Args('input') input: CreateOrganizationInput): string {
    return `${input.name}/${input.plan ?? 'FREE'}`;
  }

  @Subscription(() => String)
  probeTicks(@CurrentIdentity() caller: Caller) {
    return (async function* () {
      yield { probeTicks: `tick for ${caller.email}` };
    })();
  }
}

@Module({ providers: [ProbeResolver] })
export class ProbeModule {}
