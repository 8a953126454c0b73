export * from './auth.guard';
export * from './current-identity.decorator';
export * from './gateway-context';
export * from './identity-provisioner';
export * from './public.decorator';
export * from './token-verifier.provider';
export * from './ws-authentication';
