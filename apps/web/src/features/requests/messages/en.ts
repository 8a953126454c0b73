// Catalogue of the requests feature (namespace "requests"); words follow the help page.
export const en = {
  nav: { credentials: 'Credentials' },
  list: {
    title: 'Credentials',
    tabsLabel: 'Credential requests',
    heading: 'Credential requests',
    sent: 'Sent',
    received: 'Received',
  },
};
