import type { Language } from '../gql/graphql';
import { apiLanguage } from './i18n';

interface NamedModule {
  name: string;
  names: { language: Language; name: string }[];
}

/** A module's name in the page's language: the catalog's translation, else its English name (issue 10). */
export function moduleName(module: NamedModule, lng: string | undefined): string {
  const language = apiLanguage(lng);
  return module.names.find((n) => n.language === language)?.name ?? module.name;
}
