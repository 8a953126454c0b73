export * from './auth-failure-throttle';
export * from './client-key';
export * from './memory-throttler-storage';
export * from './outside-mail-quota';
export * from './redis-throttler-storage';
export * from './too-many-requests';
