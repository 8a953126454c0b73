export * from './shared';
export * from './ports';
export * from './directory';
export * from './users';
export * from './requests';
export * from './connections';
export * from './vault-sql-client';
export * from './application.module';
