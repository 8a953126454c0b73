import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { isVerifiedIdentity, UNVERIFIED_EMAIL_MESSAGE, type Identity } from '@libs/auth';
import { DomainError } from '@libs/domain';
import type { GatewayContext } from './gateway-context';
import { IDENTITY_PROVISIONER, type Caller, type IdentityProvisioner } from './identity-provisioner';
import { IS_PUBLIC } from './public.decorator';

/**
 * Every GraphQL root field needs a valid token unless marked @Public (R1.2). REST routes are left to their own
 * schemes (health probes are open, the runtime API has RUNTIME_TOKEN). The first guarded field of an operation
 * provisions the caller; the others reuse it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private provisioner?: IdentityProvisioner;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const ctx = GqlExecutionContext.create(context).getContext<GatewayContext>();
    ctx.caller ??= ctx.identity().then((identity) => this.provision(identity));
    ctx.currentCaller = await ctx.caller;
    return true;
  }

  private async provision(identity: Identity): Promise<Caller> {
    // R13.2, for every identity source (bearer, session cookie): checked before any provisioner runs; the user
    // command refuses it again, so no record is created or bound whichever path comes first.
    if (!isVerifiedIdentity(identity)) throw new DomainError('UNAUTHENTICATED', UNVERIFIED_EMAIL_MESSAGE);
    // Looked up lazily and anywhere in the app: the implementation lives with the command handlers (another module).
    this.provisioner ??= this.moduleRef.get<IdentityProvisioner>(IDENTITY_PROVISIONER, { strict: false });
    const { userId } = await this.provisioner.provision(identity);
    return { ...identity, userId };
  }
}
