/** Português do Brasil, em sintaxe ICU. As chaves são as do catálogo em inglês. */
import type { MessageKey } from './en';

export const ptBR: Record<MessageKey, string> = {
  'app.name': 'AuZap',
  'app.nameDemo': 'AuZap (Demonstração)',
  'app.titleUnread': '({count}) AuZap',
  'app.starting': 'Abrindo o AuZap…',
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

  'tray.paused': 'notificações pausadas',
  'tray.pausedUntil': 'notificações pausadas até {time}',

  'quiet.leftUnderMinute': 'falta menos de um minuto',
  'quiet.leftMinutes': '{minutes, plural, one {falta # min} other {faltam # min}}',
  'quiet.leftHours': '{hours, plural, one {falta # h} other {faltam # h}}',
  'quiet.leftHoursMinutes': 'faltam {hours} h {minutes} min',
  'quiet.leftDays': '{days, plural, one {falta # dia} other {faltam # dias}}',
  'quiet.leftDaysHours': 'faltam {days} d {hours} h',
  'mute.choose': 'Silenciar notificações…',
  'mute.for.1h': 'Por 1 hora',
  'mute.for.8h': 'Por 8 horas',
  'mute.for.1w': 'Por 1 semana',
  'mute.for.always': 'Até eu reativar',
  'mute.on': 'Silenciada',
  'mute.onFor': 'Silenciada — {left}',
  'mute.off': 'Reativar notificações',
  'pause.label': 'Pausar notificações',
  'pause.none': 'Notificações ativas',
  'pause.for.1h': 'Pausar por 1 hora',
  'pause.for.morning': 'Pausar até amanhã de manhã ({time})',
  'pause.for.until-resumed': 'Pausar até eu reativar',
  'pause.on': 'Notificações pausadas',
  'pause.onUntil': 'Pausadas até {time} — {left}',
  'pause.resume': 'Reativar',

  'inbox.title': 'Caixa de entrada',
  'inbox.chooseConversation': 'Escolha uma conversa à esquerda.',
  'inbox.emptyWelcome': 'As novas mensagens do WhatsApp aparecem aqui assim que chegarem.',
};
