import type { Messages } from '../../../lib/messages';
import type { en } from './en';

export const ptBR: Messages<typeof en> = {
  nav: { webhooks: 'Webhooks' },
  title: 'Webhooks',
  team: 'Equipe: {{name}}',
  intro:
    'Avise outro sistema sempre que uma solicitação de credenciais da equipe mudar de status: o serviço envia uma mensagem assinada a cada endereço registrado aqui.',
  guide: {
    summary: 'O que o seu endpoint recebe, e como conferir',
    post: 'Para cada mudança (uma solicitação criada, um app autorizado, recusado, revogado, a reautorizar …), um POST com um corpo JSON como este:',
    fields:
      'id: a mudança, o mesmo em cada tentativa; type: o que aconteceu; status: o status da solicitação depois dela; appKey: o app a que se refere (null para uma nova solicitação); at: quando aconteceu (UTC).',
    signature:
      'sha256= seguido do HMAC-SHA256, em hexadecimal, do corpo exatamente como recebido, usando como chave o segredo de assinatura mostrado quando você registrou o endpoint.',
    idempotency:
      'A mesma em todas as tentativas de uma entrega: guarde as chaves já processadas e ignore uma entrega cuja chave você já viu.',
    verify:
      'Calcule a assinatura sobre o corpo bruto, antes de interpretá-lo, e compare em tempo constante; recuse a entrega quando forem diferentes. Em Node.js:',
    answer:
      'Responda com um status 2xx em até 10 segundos. Qualquer outra resposta, ou nenhuma, é tentada de novo, até 8 tentativas em cerca de dois minutos (com 1, 2, 4 … 64 segundos de intervalo); depois da última, essa mudança não é enviada de novo.',
    private:
      'Nenhuma mensagem contém uma credencial, um nome ou um endereço de e-mail: consulte a solicitação pela API com o requestId quando precisar de mais.',
  },
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
