// A team's webhooks (R12.6). The signing secret exists only in registerWebhook's answer.
import { graphql } from '../../../gql';

export const WebhooksTeam = graphql(`
  query WebhooksTeam($id: ID!) {
    team(id: $id) {
      id
      name
      organization {
        id
        name
      }
      webhooks {
        id
        url
        createdAt
      }
    }
  }
`);

export const WebhooksRegister = graphql(`
  mutation WebhooksRegister($teamId: ID!, $url: String!) {
    registerWebhook(teamId: $teamId, url: $url) {
      id
      url
      signingSecret
    }
  }
`);

export const WebhooksDelete = graphql(`
  mutation WebhooksDelete($id: ID!) {
    deleteWebhook(id: $id)
  }
`);
