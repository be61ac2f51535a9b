/** Português do Brasil, em sintaxe ICU. As chaves são as do catálogo em inglês. */
import type { MessageKey } from './en';

export const ptBR: Record<MessageKey, string> = {
  'app.name': 'AuZap',
  'app.nameDemo': 'AuZap (Demonstração)',
  'app.titleUnread': '({count}) AuZap',
  'app.starting': 'Abrindo o AuZap…',
  'app.openingScreen': 'Abrindo…',
  'app.noBridge': 'Esta janela precisa ser aberta pelo AuZap Desktop (ou pelo npm run web).',

  'language.label': 'Idioma',
  'language.system': 'Igual ao sistema',
  'language.pt-BR': 'Português (Brasil)',
  'language.en': 'English',

  'notification.newMessages': '{count, plural, one {# nova mensagem} other {# novas mensagens}}',
  'notification.newMessage': 'Nova mensagem',
  'notification.titleWithCount': '{sender} ({count, plural, one {# nova mensagem} other {# novas mensagens}})',
  'notification.summary':
    '{messages, plural, one {# nova mensagem} other {# novas mensagens}} em {conversations, plural, one {# conversa} other {# conversas}}',

  'connection.connecting': 'Conectando…',
  'connection.online': 'Conectado',
  'connection.offline': 'Sem conexão — reconectando',
  'connection.authFailed': 'É preciso entrar de novo',

  'tray.tooltip': '{app} — {status}, {unread}',
  'tray.unread':
    '{count, plural, =0 {nenhuma mensagem não lida} one {# mensagem não lida} other {# mensagens não lidas}}',

  'inbox.title': 'Caixa de entrada',
  'inbox.chooseConversation': 'Escolha uma conversa à esquerda.',
  'inbox.emptyWelcome': 'As novas mensagens do WhatsApp aparecem aqui assim que chegarem.',

  'thread.messages': 'Mensagens',
  'thread.unreadMessages': '{count, plural, one {# mensagem não lida} other {# mensagens não lidas}}',
  'thread.jumpToLatest': 'Ir para as mais recentes',
  'thread.newSince': '{count, plural, one {# nova} other {# novas}}',
  'thread.receivedFrom': 'Recebida de {name}:',
  'thread.sentTo': 'Enviada para {name}:',
  'thread.newMessageFrom': 'Nova mensagem de {name}: {text}',
  'thread.jumpToLatestLabel':
    '{count, plural, =0 {Ir para as mais recentes} one {Ir para as mais recentes, # nova mensagem} other {Ir para as mais recentes, # novas mensagens}}',
  'numbers.connected': 'Conectado',
  'numbers.connecting': 'Conectando…',
  'numbers.droppedNoReason': 'Desconectado',
  'numbers.notLinkedYet': 'Ainda não conectado',
  'numbers.unnamed': 'Número sem nome',
  'numberFilter.label': 'Mostrar conversas de',
  'numberFilter.all': 'Todos os números',
  'numberFilter.empty': 'Nenhuma conversa neste número ainda.',
};
