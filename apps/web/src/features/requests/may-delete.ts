import type { ViewerRelation } from '../../gql/graphql';

/** R9.1: the requester, the recipient or an organization admin may delete; a team member who only sees it may not. */
export function mayDelete(relation: ViewerRelation): boolean {
  return relation === 'REQUESTER' || relation === 'RECIPIENT' || relation === 'ORG_ADMIN';
}
