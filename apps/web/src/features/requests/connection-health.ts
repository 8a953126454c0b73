import type { AppAuthorizationStatus, ConnectionStatus, ViewerRelation } from '../../gql/graphql';

/**
 * The catalogue key of a connection's health, with who can act on an expired one: the recipient waits to be asked
 * (R5.4), and someone who may not ask (a teammate, an org admin outside the team) learns who can, rather than read
 * "needs reauthorization" beside no button.
 */
export function healthKey(
  connection: ConnectionStatus,
  status: AppAuthorizationStatus,
  relation: ViewerRelation,
  mayAskReauthorization: boolean,
): string {
  if (connection !== 'EXPIRED') return `details.health.${connection}`;
  // Asked already: "needs reauthorization" beside a card that says Reauthorizing would read as if nobody had asked.
  if (status === 'REAUTHORIZING') return 'details.health.EXPIRED_ASKED';
  if (relation === 'RECIPIENT' && !mayAskReauthorization) return 'details.health.EXPIRED_RECIPIENT';
  return mayAskReauthorization ? 'details.health.EXPIRED' : 'details.health.EXPIRED_OTHERS';
}
