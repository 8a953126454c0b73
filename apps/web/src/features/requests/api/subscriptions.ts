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
