import type { Messages } from '../../lib/i18n';
import type { en } from './en';

export const ptBR: Messages<typeof en> = {
  appName: 'Solicitações de credenciais',
  skipToContent: 'Pular para o conteúdo',
  nav: { label: 'Principal', credentials: 'Credentials', signOut: 'Sair' },
  language: { label: 'Idioma', en: 'English', 'pt-BR': 'Português (Brasil)' },
  workspace: { organization: 'Organização', team: 'Equipe', none: 'Você ainda não é membro de nenhuma organização.' },
  signIn: {
    title: 'Entrar',
    intro: 'Entre para ver as solicitações de credenciais que você enviou e recebeu.',
    oidc: 'Entrar',
    dev: {
      title: 'Entrada de desenvolvimento',
      warning: 'Somente para desenvolvimento e testes: nenhuma senha é verificada.',
      email: 'E-mail',
      name: 'Nome',
      supportStaff: 'Equipe de suporte',
      submit: 'Entrar (desenvolvimento)',
    },
    none: 'Nenhum método de entrada está configurado neste servidor.',
    failed: 'A entrada não foi concluída ({{reason}}). Tente novamente.',
  },
  loading: 'Carregando…',
  error: 'Algo deu errado: {{message}}',
  notFound: { title: 'Página não encontrada', back: 'Ir para as solicitações de credenciais' },
  cancel: 'Cancelar',
  close: 'Fechar',
  status: {
    AUTHORIZED: 'Autorizada',
    PARTIALLY_AUTHORIZED: 'Parcialmente autorizada',
    INCOMPLETE: 'Incompleta',
    INVALID: 'Inválida',
    DECLINED: 'Recusada',
    PENDING: 'Pendente',
    REAUTHORIZING: 'Reautorizando',
    REVOKED: 'Revogada',
  },
};
