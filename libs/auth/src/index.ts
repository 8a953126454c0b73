export * from './token-verifier';
export * from './embedded-secret';
export * from './sign-token';
export * from './embedded-jwt-secret';
