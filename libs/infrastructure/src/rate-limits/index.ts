export * from './auth-failure-throttle';
export * from './memory-throttler-storage';
export * from './outside-mail-quota';
export * from './redis-throttler-storage';
