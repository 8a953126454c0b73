// The actions an app card offers its viewer in the app's state (SPEC §5 table, R5.4). Apart from the card, so that
// a unit test can read them without rendering it.
import type { AppAuthorizationStatus, ConnectionType, ViewerRelation } from '../../gql/graphql';

export type AppAction = 'authorize' | 'reauthorize' | 'update' | 'decline' | 'revoke' | 'requestReauthorization';

/**
 * `mayAskReauthorization`: R5.4 for this viewer (policies.ts), so that an org admin outside the team is not offered it.
 * A recipient is offered their own actions; one who is also an admin of the request's team may ask for a
 * reauthorization too.
 */
export function actionsFor(
  app: { status: AppAuthorizationStatus },
  type: ConnectionType | undefined,
  relation: ViewerRelation,
  mayAskReauthorization: boolean,
): AppAction[] {
  if (relation === 'RECIPIENT') {
    switch (app.status) {
      case 'PENDING':
      case 'INVALID':
      case 'REVOKED':
        return ['authorize', 'decline'];
      case 'AUTHORIZED':
        // Who else would ask, once the connection expired and the requester is gone?
        if (type !== 'OAUTH2') return ['update', 'revoke', 'decline'];
        return mayAskReauthorization ? ['requestReauthorization', 'revoke', 'decline'] : ['revoke', 'decline'];
      case 'REAUTHORIZING':
        return ['reauthorize', 'revoke', 'decline'];
      default:
        return [];
    }
  }
  if (mayAskReauthorization && type === 'OAUTH2') return app.status === 'AUTHORIZED' ? ['requestReauthorization'] : [];
  return [];
}
