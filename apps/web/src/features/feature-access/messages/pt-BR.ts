import type { Messages } from '../../../lib/messages';
import type { en } from './en';

export const ptBR: Messages<typeof en> = {
  nav: { featureAccess: 'Acesso ao recurso', support: 'Suporte' },
  apply: {
    title: 'Como habilitar o recurso de solicitações de credenciais',
    intro:
      'Cada usuário deve enviar este formulário. A equipe de suporte (Customer Care) então verifica a elegibilidade (usuário com conta Partner ou Enterprise e e-mail corporativo) e concede acesso ao recurso após a aprovação.',
    scope:
      'O recurso é habilitado para um usuário, não para a organização: você pode usá-lo em qualquer organização da qual faça parte, desde que ela esteja no plano Enterprise ou seja um Make Partner em qualquer plano pago.',
    state: 'Seu pedido de acesso',
    states: {
      NONE: 'Você ainda não enviou o pedido de acesso.',
      PENDING: 'Seu pedido de acesso aguarda a análise da equipe de suporte.',
      APPROVED: 'Aprovado: o recurso de solicitações de credenciais está habilitado para você.',
      REJECTED: 'Seu pedido de acesso foi recusado. Você pode enviá-lo novamente.',
    },
    submit: 'Pedir acesso ao recurso de solicitações de credenciais',
    again: 'Pedir novamente',
    sent: 'Pedido de acesso enviado.',
  },
  support: {
    link: 'Suporte: analisar pedidos de acesso e definir planos',
    title: 'Suporte',
    onlySupport: 'Somente a equipe de suporte analisa pedidos de acesso e define os planos das organizações.',
    pending: {
      title: 'Pedidos de acesso pendentes',
      empty: 'Nenhum pedido de acesso pendente.',
      name: 'Nome',
      email: 'E-mail',
      actions: 'Análise',
      approve: 'Aprovar {{name}}',
      reject: 'Recusar {{name}}',
      approveShort: 'Aprovar',
      rejectShort: 'Recusar',
      approved: '{{name}} agora pode usar solicitações de credenciais.',
      rejected: 'O pedido de acesso de {{name}} foi recusado.',
    },
    plans: {
      title: 'Planos das organizações',
      intro: 'Encontre uma organização pelo nome e defina o plano e se ela é um Make Partner.',
      search: 'Nome da organização',
      searchSubmit: 'Buscar',
      empty: 'Nenhuma organização encontrada.',
      found_one: '{{count}} organização encontrada.',
      found_other: '{{count}} organizações encontradas.',
      name: 'Organização',
      plan: 'Plano',
      planOf: 'Plano de {{name}}',
      partner: 'Make Partner',
      partnerOf: '{{name}} é um Make Partner',
      save: 'Salvar',
      saveOf: 'Salvar o plano de {{name}}',
      saved: 'Plano de {{name}} salvo: {{plan}}.',
    },
  },
  plans: { FREE: 'Free', CORE: 'Core', PRO: 'Pro', TEAMS: 'Teams', ENTERPRISE: 'Enterprise' },
  errors: {
    FORBIDDEN: 'Você não tem permissão para fazer isso.',
    NOT_FOUND: 'Não encontrado.',
    generic: 'Algo deu errado: {{message}}',
  },
};
