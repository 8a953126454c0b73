import { graphql } from '../../../gql';

export const RequestUpdated = graphql(`
  subscription RequestUpdated($id: ID!) {
    credentialRequestUpdated(id: $id) {
      ...RequestDetailsFields
    }
  }
`);

/** R12.7 for lists: every request the viewer may see, whenever it changes. */
export const RequestsUpdated = graphql(`
  subscription RequestsUpdated {
    credentialRequestsUpdated {
      ...RequestRowFields
    }
  }
`);

/** The other half for lists: a request in view that the viewer may no longer see (deleted, or access lost). */
export const RequestsRemoved = graphql(`
  subscription RequestsRemoved($ids: [ID!]!) {
    credentialRequestsRemoved(ids: $ids)
  }
`);
