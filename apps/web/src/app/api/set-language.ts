// The member's own language for the e-mails they receive (issue #10): the language switch saves it when signed in.
import { graphql } from '../../gql';

export const SetLanguage = graphql(`
  mutation SetLanguage($language: Language!) {
    setLanguage(language: $language) {
      language
    }
  }
`);
