/**
 * English, in ICU message syntax. Its keys are the key set of every catalog: a key
 * missing here, or in another catalog, fails the typecheck.
 */
export const en = {
  'app.name': 'AuZap',
  'app.nameDemo': 'AuZap (Demo)',
  'app.titleUnread': '({count}) AuZap',
  'app.starting': 'Starting AuZap…',
  'app.openingScreen': 'Opening…',
  'app.noBridge': 'This window must be opened by AuZap Desktop (or by npm run web).',

  'language.label': 'Language',
  'language.system': 'Same as the system',
  'language.pt-BR': 'Português (Brasil)',
  'language.en': 'English',

  'notification.newMessages': '{count, plural, one {# new message} other {# new messages}}',
  'notification.newMessage': 'New message',
  'notification.titleWithCount': '{sender} ({count, plural, one {# new message} other {# new messages}})',
  'notification.summary':
    '{messages, plural, one {# new message} other {# new messages}} in {conversations, plural, one {# conversation} other {# conversations}}',

  'connection.connecting': 'Connecting…',
  'connection.online': 'Online',
  'connection.offline': 'Offline — reconnecting',
  'connection.authFailed': 'Sign-in needed',

  'tray.tooltip': '{app} — {status}, {unread}',
  'tray.unread': '{count, plural, =0 {no unread messages} one {# unread message} other {# unread messages}}',

  'inbox.title': 'Inbox',
  'inbox.chooseConversation': 'Choose a conversation on the left.',
  'inbox.emptyWelcome': 'New WhatsApp messages will appear here as they arrive.',

  'thread.messages': 'Messages',
  'thread.unreadMessages': '{count, plural, one {# unread message} other {# unread messages}}',
  'thread.jumpToLatest': 'Jump to latest',
  'thread.newSince': '{count} new',
  'thread.receivedFrom': 'Received from {name}:',
  'thread.sentTo': 'Sent to {name}:',
  'thread.newMessageFrom': 'New message from {name}: {text}',
  'thread.jumpToLatestLabel':
    '{count, plural, =0 {Jump to latest} one {Jump to latest, # new message} other {Jump to latest, # new messages}}',
  'numbers.connected': 'Connected',
  'numbers.connecting': 'Connecting…',
  'numbers.droppedNoReason': 'Disconnected',
  'numbers.notLinkedYet': 'Not linked yet',
  'numbers.unnamed': 'Unnamed number',
  'numberFilter.label': 'Show conversations from',
  'numberFilter.all': 'All numbers',
  'numberFilter.empty': 'No conversations on this number yet.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
