import type { Messages } from './messages.en';

/**
 * Portuguese (Brazil) e-mail messages, with the help page's words where it has them ("Solicitações de
 * credenciais", "solicitante", "destinatário", "Autorizar", "Recusar", "Reautorizar", "convidado"). Typed as
 * `Messages`, so a key missing here does not compile; the spec also compares keys and placeholders.
 */
export const ptBr: Messages = {
  'layout.greeting': 'Olá, {name},',
  'layout.greetingNoName': 'Olá,',
  'layout.safeLink': 'Abrir este link não muda nada por si só; você decide na página.',
  'layout.why': 'Você recebe este e-mail por causa de uma solicitação de credenciais da qual participa.',
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
  'action.openCredentialRequests': 'Abrir Solicitações de credenciais',
  'reviewRequest.subject': '{requester} solicita suas credenciais: {request}',
  'reviewRequest.body':
    '{requester} pede que você dê acesso a estes apps para a solicitação "{request}". Você insere as credenciais ' +
    'na página da solicitação; {requester} nunca as vê.',
  'acceptInvitation.subject': '{requester} convida você a compartilhar credenciais: {request}',
  'acceptInvitation.body':
    '{requester} convida você a ingressar em {organization} com a função de Convidado e a dar acesso a estes apps ' +
    'para a solicitação "{request}". É você quem insere as credenciais; {requester} nunca as vê.',
  'acceptInvitation.signIn':
    'Entre com uma conta cujo endereço de e-mail verificado seja aquele para o qual esta mensagem foi enviada e ' +
    'depois aceite.',
  'appAuthorized.subject': '{recipient} autorizou {app}: {request}',
  'appAuthorized.body':
    '{recipient} autorizou {app} para a solicitação "{request}". Sua equipe já pode usar a conexão nos cenários.',
  'appAuthorized.accessEnds': 'O acesso termina em {date}.',
  'appDeclined.subject': '{recipient} recusou {app}: {request}',
  'appDeclined.body': '{recipient} recusou {app} para a solicitação "{request}".',
  'reauthorizationRequested.subject': '{requester} pede que você reautorize {app}: {request}',
  'reauthorizationRequested.body':
    'A conexão {app} que você autorizou para a solicitação "{request}" precisa de uma nova autorização. ' +
    '{requester} pede que você entre em {app} novamente; a conexão continua funcionando para a equipe depois disso.',
  'appReauthorized.subject.requester': '{recipient} reautorizou {app}: {request}',
  'appReauthorized.subject.recipient': 'Você reautorizou {app}: {request}',
  'appReauthorized.body.requester':
    '{recipient} reautorizou {app} para a solicitação "{request}". A conexão volta a funcionar para sua equipe.',
  'appReauthorized.body.recipient':
    'Você reautorizou {app} para a solicitação "{request}" de {requester}. A conexão volta a funcionar para a ' +
    'equipe que a pediu.',
  'appReauthorized.endLifted': 'O acesso não termina mais em uma data definida.',
  'connectionExpired.subject': 'A conexão {app} expirou: {request}',
  'connectionExpired.body':
    'A conexão {app} da solicitação "{request}" não pôde ser renovada e não funciona mais. Na página da ' +
    'solicitação você pode pedir a {recipient} que a reautorize.',
  'connectionExpired.reason.noTokens': 'Nenhum acesso está guardado para esta conexão.',
  'connectionExpired.reason.noRefreshToken': 'O acesso expirou e o provedor não o renova sozinho.',
  'connectionExpired.reason.refreshRefused': 'O provedor se recusou a renovar o acesso ({code}).',
  'featureGranted.subject': '{member} agora pode usar solicitações de credenciais em {organization}',
  'featureGranted.body':
    '{member}, membro de {organization}, recebeu acesso ao recurso de solicitações de credenciais. A partir de ' +
    'agora, {member} pode pedir a pessoas de {organization} que compartilhem credenciais de apps com as equipes de que faz parte, ' +
    'sem nunca ver os segredos.',
  'featureGranted.why': 'Você recebe este e-mail porque tem a função de Proprietário em {organization}.',
  'accessEnded.subject': 'O acesso a {app} terminou: {request}',
  'accessEnded.body.requester':
    'O acesso que {recipient} deu a {app} para a solicitação "{request}" terminou em {date}, como definido na ' +
    'autorização. Sua equipe não pode mais usar esta conexão.',
  'accessEnded.body.recipient':
    'O acesso que você deu a {app} para a solicitação "{request}" de {requester} terminou em {date}, como você ' +
    'definiu. A equipe não pode mais usar esta conexão.',
  'accessRemoved.subject': 'O acesso a {app} foi revogado: {request}',
  'accessRemoved.body.requester':
    '{recipient} não faz mais parte da equipe {team}, por isso o acesso que concedeu a {app} para a solicitação ' +
    '"{request}" foi revogado. Sua equipe não pode mais usar esta conexão; solicite novas credenciais se ainda ' +
    'precisar delas.',
  'accessRemoved.body.recipient':
    'Você não faz mais parte da equipe {team}, por isso o acesso que você concedeu a {app} para a solicitação ' +
    '"{request}" de {requester} foi revogado. A equipe não pode mais usar as credenciais que você forneceu.',
  'reminder.subject': 'Lembrete: {requester} aguarda credenciais: {request}',
  'reminder.body':
    '{requester} pediu há {days} que você desse acesso a estes apps para a solicitação "{request}" e ainda aguarda ' +
    'sua resposta. Você pode autorizar ou recusar cada app.',
  'reminder.days.one': '{count} dia',
  'reminder.days.other': '{count} dias',
};
