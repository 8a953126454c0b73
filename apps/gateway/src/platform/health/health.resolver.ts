import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/public.decorator';

/** A query that needs no token and no data, so a client or probe can tell that GraphQL itself answers. */
@Public()
@Resolver()
export class HealthResolver {
  @Query(() => String, { description: 'Answers "ok" while the GraphQL endpoint serves (not part of the contract).' })
  health(): string {
    return 'ok';
  }
}
