export * from './command-context';
export * from './ids';
export * from './tokens';
export * from './stream-runner';
export * from './folds';
export * from './directory-reader';
export * from './domain-catalog';
