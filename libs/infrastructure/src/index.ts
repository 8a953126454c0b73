export * from './nest-logger';
export * from './readiness';
export * from './redis';
export * from './core.module';
export * from './tokens';
export * from './database.module';
export * from './rate-limits';
export * from './tracing';
