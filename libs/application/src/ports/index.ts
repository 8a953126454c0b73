export * from './directory-index';
export * from './invitation-lookup';
export * from './connection-health';
export * from './application.migrations';
export * from './sql-directory-index';
export * from './vault-connection-health';
