import type { DocumentNode } from 'graphql';
import { RequestDetails } from './queries';

/**
 * An app action (authorize, update, decline, revoke, request reauthorization) answers with the app's new status only,
 * and an app is no cache entry of its own: the details page learns the rest from its subscription. Behind a proxy
 * that refuses WebSockets there is none, so the page reads itself again after the action (R7.6: the read sees it).
 */
export const AFTER_ACTION: { refetchQueries: DocumentNode[] } = { refetchQueries: [RequestDetails] };
