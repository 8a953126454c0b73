export * from './token-verifier';
export * from './embedded-secret';
export * from './sign-token';
