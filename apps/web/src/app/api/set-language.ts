// The member's own language for the e-mails they receive (issue #10): the language switch saves it when signed in,
// and the app saves the language it shows when that is not English and nothing was chosen yet (LanguageSwitch).
import { graphql } from '../../gql';

export const ViewerLanguage = graphql(`
  query ViewerLanguage {
    viewer {
      language
      languageChosen
    }
  }
`);

export const SetLanguage = graphql(`
  mutation SetLanguage($language: Language!) {
    setLanguage(language: $language) {
      language
      languageChosen
    }
  }
`);
