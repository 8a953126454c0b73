export * from './invitation-token';
export * from './invitation-secret';
