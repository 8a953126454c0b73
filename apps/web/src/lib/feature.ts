// What a feature folder hands to the app shell: its routes, its navigation entries and its message catalogue.
// The shell (src/app/features.ts) lists the features; nothing else is shared, so features never import src/app.
import type { RouteObject } from 'react-router';
import type { Catalogue } from './i18n';

export interface NavItem {
  to: string;
  /** key in the feature's namespace */
  label: string;
  /**
   * A page about the team the viewer works in: left out for a guest of the organization (the page would only refuse
   * them, R2.4, R10.2) and for someone in no organization yet (it would only say so).
   */
  needsTeam?: boolean;
  /** A page for the platform's support staff only (it refuses anyone else). */
  supportOnly?: boolean;
  /**
   * A page for the organization's owners and admins and for team admins (the audit log, R10.2; webhooks, R12.6): left
   * out for the others, whom it would only refuse. The server decides all the same.
   */
  needsAdmin?: boolean;
}

export interface Feature {
  /** i18next namespace; the catalogue's keys are used as `t('key', { ns })` or through useTranslation(namespace) */
  namespace: string;
  messages: Catalogue;
  /** pages behind sign-in, rendered inside the layout */
  routes: RouteObject[];
  /** pages that render without the layout (still behind sign-in unless `public` is set on the route handle) */
  bareRoutes?: RouteObject[];
  nav?: NavItem[];
}
