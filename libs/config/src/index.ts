export * from './config';
export * from './logger';
export * from './redact';
export * from './request-context';
export * from './web-config';
export * from './data-dir-file';
