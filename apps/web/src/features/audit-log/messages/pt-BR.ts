import type { Messages } from '../../../lib/messages';
import type { en } from './en';

export const ptBR: Messages<typeof en> = {
  nav: { auditLog: 'Registros de auditoria' },
  title: 'Registros de auditoria',
  intro:
    'Registros de auditoria mostram quando e por quem uma solicitação de credenciais foi criada, excluída ou autorizada, e o que mais aconteceu com os apps dela (recusa, revogação, reautorização, expiração). Também mostram quem entrou, mudou de função ou saiu da organização e das equipes dela. Administradores da organização veem essas informações para toda a organização; administradores de equipe, para suas equipes.',
  organization: 'Organização: {{name}}',
  noOrganization: 'Escolha uma organização no seletor acima.',
  team: 'Filtrar por equipe',
  allTeams: 'Todas as equipes que você pode ver',
  empty: 'Nada aconteceu ainda.',
  columns: {
    at: 'Quando',
    action: 'Ação',
    actor: 'Por',
    request: 'Solicitação',
    app: 'App',
    team: 'Equipe',
    member: 'Membro',
    role: 'Nova função',
  },
  views: { label: 'O que os registros de auditoria mostram', requests: 'Solicitações', members: 'Mudanças de membros' },
  membership: {
    empty: 'Nenhuma mudança de membros para mostrar.',
    wholeOrganization: 'Toda a organização',
    actions: {
      ORG_CREATED: 'Organização criada',
      ORG_MEMBER_ADDED: 'Membro adicionado à organização',
      ORG_ROLE_CHANGED: 'Função na organização alterada',
      ORG_MEMBER_REMOVED: 'Membro removido da organização',
      TEAM_CREATED: 'Equipe criada',
      TEAM_MEMBER_ADDED: 'Membro adicionado à equipe',
      TEAM_ROLE_CHANGED: 'Função na equipe alterada',
      TEAM_MEMBER_REMOVED: 'Membro removido da equipe',
    },
    roles: { OWNER: 'Proprietário', ADMIN: 'Administrador', MEMBER: 'Membro', GUEST: 'Convidado' },
  },
  system: 'Sistema',
  actions: {
    REQUEST_CREATED: 'Solicitação criada',
    REQUEST_DELETED: 'Solicitação excluída',
    APP_AUTHORIZED: 'App autorizado',
    APP_DECLINED: 'App recusado',
    ACCESS_REVOKED: 'Acesso revogado',
    REAUTHORIZATION_REQUESTED: 'Reautorização solicitada',
    APP_REAUTHORIZED: 'App reautorizado',
    CONNECTION_EXPIRED: 'Conexão expirada',
    CONNECTION_EXPIRED_FOUND: 'Conexão expirada (detectada ao solicitar reautorização)',
    APP_AUTHORIZATION_FAILED: 'Falha na autorização',
  },
  paging: {
    label: 'Páginas dos registros de auditoria',
    previous: 'Página anterior',
    next: 'Próxima página',
    page: 'Página {{page}}',
    shown_one: '{{count}} registro nesta página.',
    shown_other: '{{count}} registros nesta página.',
  },
  errors: {
    FORBIDDEN:
      'Você não pode ver os registros de auditoria: somente proprietários e administradores da organização, e administradores de equipe para as próprias equipes, podem vê-los.',
    NOT_FOUND: 'Esta organização não existe ou você não é membro dela.',
    generic: 'Não foi possível carregar os registros de auditoria: {{message}}',
  },
};
