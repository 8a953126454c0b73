export * from './spans';
export * from './tracing-sdk';
export * from './traced-event-store';
export * from './command-tracing';
export * from './job-tracing';
export * from './http-span';
export * from './graphql-span';
