export * from './connection-lock';
export * from './connection-refresher';
export * from './refreshing-connection-health';
