import { Global, Module } from '@nestjs/common';
import type { Identity } from '@libs/auth';
import { DomainError } from '@libs/domain';
import { IDENTITY_PROVISIONER, type IdentityProvisioner } from '../../apps/gateway/src/platform/auth';

/**
 * Test stand-in for the real provisioner (which comes with the user command handlers): users by lower-cased e-mail,
 * the first `sub` bound to it, another `sub` for the same e-mail refused (R13.2).
 */
export class InMemoryIdentityProvisioner implements IdentityProvisioner {
  readonly users = new Map<string, { userId: string; subject: string }>();
  calls = 0;

  async provision(identity: Identity): Promise<{ userId: string }> {
    this.calls += 1;
    const known = this.users.get(identity.email);
    if (known && known.subject !== identity.subject) {
      throw new DomainError('UNAUTHENTICATED', 'this e-mail is bound to another identity');
    }
    if (known) return { userId: known.userId };
    const user = { userId: `user-${this.users.size + 1}`, subject: identity.subject };
    this.users.set(identity.email, user);
    return { userId: user.userId };
  }
}

/** Registers one provisioner app-wide, the way the real one will be (found by the guard from any module). */
export function identityProvisionerModule(provisioner: InMemoryIdentityProvisioner) {
  @Global()
  @Module({ providers: [{ provide: IDENTITY_PROVISIONER, useValue: provisioner }], exports: [IDENTITY_PROVISIONER] })
  class TestIdentityProvisionerModule {}
  return TestIdentityProvisionerModule;
}
