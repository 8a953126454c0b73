export type { MessageKey, Messages } from './messages.en';
export * from './translate';
