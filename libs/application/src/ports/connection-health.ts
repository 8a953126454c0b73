/** R5.4: whether an OAuth2 connection needs the recipient again. The OAuth helper's version tries a real refresh. */
export interface ConnectionHealth {
  needsReauthorization(connectionId: string): Promise<boolean>;
}
