/**
 * The e-mail links of ARCHITECTURE.md ("HTTP endpoints"). Opening one changes nothing (R12.1): they lead to a
 * page where the signed-in user acts explicitly.
 */
function base(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

export const mailLinks = {
  home: (publicUrl: string): string => `${base(publicUrl)}/`,
  request: (publicUrl: string, requestId: string): string =>
    `${base(publicUrl)}/requests/${encodeURIComponent(requestId)}`,
  invitation: (publicUrl: string, invitationToken: string): string =>
    `${base(publicUrl)}/invitations/${encodeURIComponent(invitationToken)}`,
  reauthorize: (publicUrl: string, requestId: string, appKey: string): string =>
    `${base(publicUrl)}/requests/${encodeURIComponent(requestId)}/apps/${encodeURIComponent(appKey)}/reauthorize`,
};
