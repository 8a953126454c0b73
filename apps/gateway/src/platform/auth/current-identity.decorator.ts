import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GatewayContext } from './gateway-context';
import type { Caller } from './identity-provisioner';

/** The provisioned caller of a guarded resolver: `@CurrentIdentity() caller: Caller`. */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const ctx = GqlExecutionContext.create(context).getContext<GatewayContext>();
  if (!ctx.currentCaller) {
    throw new Error('CurrentIdentity used on a resolver the auth guard did not run for (is it @Public?)');
  }
  return ctx.currentCaller;
});
