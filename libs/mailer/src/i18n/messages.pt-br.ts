import type { Messages } from './messages.en';

/**
 * Portuguese (Brazil) e-mail messages, with the help page's words where it has them ("Solicitações de
 * credenciais", "solicitante", "destinatário", "Autorizar", "Recusar", "Reautorizar", "convidado"). Typed as
 * `Messages`, so a key missing here does not compile; the spec also compares keys and placeholders.
 */
export const ptBr: Messages = {
  'layout.greeting': 'Olá, {name},',
  'layout.greetingNoName': 'Olá,',
  'layout.safeLink': 'Abrir este link não altera nada por si só; as decisões são tomadas na página.',
  'layout.why': 'Você está recebendo este e-mail porque participa de uma solicitação de credenciais.',
  'layout.link': 'Link',
  'label.description': 'Descrição',
  'label.reason': 'Motivo',
  'label.error': 'Erro',
  'value.noReason': '(nenhum motivo informado)',
  'value.noDetails': '(sem detalhes)',
  'action.viewRequest': 'Ver solicitação',
  'action.reviewRequest': 'Revisar solicitação',
  'action.acceptInvitation': 'Aceitar convite',
  'action.reauthorize': 'Reautorizar',
  'action.requestReauthorization': 'Solicitar reautorização',
  'action.openCredentialRequests': 'Abrir a página Solicitações de credenciais',
  'reviewRequest.subject': '{requester} solicita suas credenciais: {request}',
  'reviewRequest.body':
    '{requester} pede que você forneça as credenciais destes apps para a solicitação "{request}". Você insere as ' +
    'credenciais na página da solicitação; {requester} nunca as vê.',
  'acceptInvitation.subject': '{requester} convida você a compartilhar credenciais: {request}',
  'acceptInvitation.body':
    '{requester} convida você a ingressar na organização {organization} com a função de Convidado e a fornecer as ' +
    'credenciais destes apps para a solicitação "{request}". É você quem insere as credenciais; {requester} nunca as vê.',
  'acceptInvitation.signIn':
    'Para aceitar o convite, entre com uma conta que use o mesmo endereço de e-mail que recebeu esta mensagem; ' +
    'esse endereço precisa estar verificado.',
  'appAuthorized.subject': '{recipient} autorizou {app}: {request}',
  'appAuthorized.body':
    '{recipient} autorizou {app} para a solicitação "{request}". Sua equipe já pode usar a conexão nos cenários.',
  'appAuthorized.accessEnds': 'O acesso termina em {date}.',
  'appDeclined.subject': '{recipient} recusou {app}: {request}',
  'appDeclined.body': '{recipient} recusou {app} para a solicitação "{request}".',
  'reauthorizationRequested.subject': '{requester} pede que você reautorize {app}: {request}',
  'reauthorizationRequested.body':
    'A conexão com o {app} que você autorizou para a solicitação "{request}" precisa de uma nova autorização. ' +
    '{requester} pede que você entre de novo no {app} para que a conexão volte a funcionar para a equipe.',
  'appReauthorized.subject.requester': '{recipient} reautorizou {app}: {request}',
  'appReauthorized.subject.recipient': 'Você reautorizou {app}: {request}',
  'appReauthorized.body.requester':
    '{recipient} reautorizou {app} para a solicitação "{request}". A conexão volta a funcionar para sua equipe.',
  'appReauthorized.body.recipient':
    'Você reautorizou {app} para a solicitação "{request}" de {requester}. A conexão volta a funcionar para a ' +
    'equipe que a pediu.',
  'appReauthorized.endLifted': 'O acesso não termina mais em uma data definida.',
  'connectionExpired.subject': 'A conexão com o {app} expirou: {request}',
  'connectionExpired.body':
    'A conexão com o {app} da solicitação "{request}" não pôde ser renovada e parou de funcionar. Na página da ' +
    'solicitação, você pode pedir a {recipient} que a reautorize.',
  'connectionExpired.reason.noTokens': 'Nenhum acesso está guardado para esta conexão.',
  'connectionExpired.reason.noRefreshToken': 'O acesso expirou e o app não o renova automaticamente.',
  'connectionExpired.reason.refreshRefused': 'O app se recusou a renovar o acesso ({code}).',
  'featureGranted.subject': '{member} agora pode usar solicitações de credenciais em {organization}',
  'featureGranted.body':
    '{member}, membro de {organization}, recebeu acesso ao recurso de solicitações de credenciais. A partir de ' +
    'agora, {member} pode pedir a pessoas de {organization} que compartilhem credenciais de apps com as equipes de que faz parte, ' +
    'sem nunca ver os segredos.',
  'featureGranted.subject.self': 'Agora você pode usar solicitações de credenciais em {organization}',
  'featureGranted.body.self':
    'Você recebeu acesso ao recurso de solicitações de credenciais. A partir de agora, você pode pedir a pessoas de ' +
    '{organization} que compartilhem credenciais de apps com as suas equipes, sem nunca ver os segredos.',
  'featureGranted.why': 'Você está recebendo este e-mail porque tem a função de Proprietário em {organization}.',
  'accessEnded.subject': 'O acesso ao {app} terminou: {request}',
  'accessEnded.body.requester':
    'O acesso ao {app} que {recipient} concedeu para a solicitação "{request}" terminou em {date}, como definido na ' +
    'autorização. Sua equipe não pode mais usar esta conexão.',
  'accessEnded.body.recipient':
    'O acesso ao {app} que você concedeu para a solicitação "{request}" de {requester} terminou em {date}, como você ' +
    'definiu. A equipe não pode mais usar esta conexão.',
  'accessRemoved.subject': 'O acesso ao {app} foi revogado: {request}',
  'accessRemoved.body.requester':
    '{recipient} não faz mais parte da equipe {team}, por isso o acesso ao {app} que essa pessoa concedeu para a solicitação ' +
    '"{request}" foi revogado. Sua equipe não pode mais usar esta conexão; solicite novas credenciais se ainda ' +
    'precisar delas.',
  'accessRemoved.body.recipient':
    'Você não faz mais parte da equipe {team}, por isso o acesso ao {app} que você concedeu para a solicitação ' +
    '"{request}" de {requester} foi revogado. A equipe não pode mais usar as credenciais que você forneceu.',
  'reminder.subject': 'Lembrete: {requester} aguarda suas credenciais: {request}',
  'reminder.body':
    '{requester} pediu há {days} que você fornecesse as credenciais destes apps para a solicitação "{request}" e ainda aguarda ' +
    'sua resposta. Você pode autorizar ou recusar cada app.',
  'reminder.days.one': '{count} dia',
  'reminder.days.other': '{count} dias',
};
