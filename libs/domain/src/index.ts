export * from './shared/types';
export * from './credential-request/events';
export * from './organization/events';
export * from './user/events';
