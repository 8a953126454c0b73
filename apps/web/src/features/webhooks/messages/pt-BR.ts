import type { Messages } from '../../../lib/messages';
import type { en } from './en';

export const ptBR: Messages<typeof en> = {
  nav: { webhooks: 'Webhooks' },
  title: 'Webhooks',
  team: 'Equipe: {{name}}',
  intro:
    'Cada mudança de status das solicitações de credenciais da equipe é enviada (POST) a cada endpoint, assinada com HMAC-SHA256 e com um id de idempotência; em caso de falha, o envio é repetido em intervalos cada vez maiores.',
  noTeam: 'Escolha uma organização com uma equipe no seletor acima.',
  empty: 'Nenhum webhook registrado.',
  columns: { url: 'Endpoint', createdAt: 'Registrado em', actions: 'Ações' },
  register: {
    title: 'Registrar um webhook',
    url: 'URL do endpoint (https)',
    hint: 'Um endereço https que o serviço consegue acessar.',
    submit: 'Registrar webhook',
    empty: 'Informe o endereço https para onde as entregas são enviadas, como https://exemplo.com/hooks.',
  },
  secret: {
    title: 'Segredo de assinatura',
    once: 'Copie este segredo de assinatura agora e guarde-o em segurança. Ele é mostrado uma única vez.',
    label: 'Segredo de assinatura de {{url}}',
    copy: 'Copiar',
    copied: 'Copiado para a área de transferência.',
    copyFailed: 'Não foi possível copiar; selecione o texto e copie-o você mesmo.',
    done: 'Já guardei',
    escape:
      'O segredo não será mostrado de novo depois que esta janela for fechada. Copie-o primeiro e depois clique em "Já guardei".',
  },
  outcome: {
    registered:
      'Webhook registrado: as mudanças de status das solicitações da equipe passarão a ser enviadas para ele.',
    deleted: 'Webhook excluído.',
    gone: 'Este webhook já tinha sido excluído (em outra aba, ou por outro administrador): a lista mostra os que restam.',
  },
  delete: {
    button: 'Excluir',
    label: 'Excluir o webhook {{url}}',
    title: 'Excluir webhook?',
    confirm: 'As entregas para {{url}} serão interrompidas. Esta ação não pode ser desfeita.',
    submit: 'Excluir webhook',
  },
  errors: {
    FORBIDDEN:
      'Somente proprietários e administradores da organização, ou administradores da equipe, gerenciam webhooks.',
    NOT_FOUND: 'Esta equipe não existe ou você não é membro da organização dela.',
    generic: 'Algo deu errado: {{message}}',
  },
};
