import type { Messages } from '../../../lib/i18n';
import type { en } from './en';

export const ptBR: Messages<typeof en> = {
  nav: { credentials: 'Credentials' },
  list: {
    title: 'Credentials',
    tabsLabel: 'Credential requests',
    heading: 'Credential requests',
    sent: 'Sent',
    received: 'Received',
  },
};
