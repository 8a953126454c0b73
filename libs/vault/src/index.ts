export * from './secret.types';
export * from './master-keys';
export * from './envelope';
export * from './sql-client';
export * from './vault.migrations';
export * from './vault.repository';
export * from './verify-credentials';
