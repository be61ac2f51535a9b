/**
 * English, in ICU message syntax. Its keys are the key set of every catalog: a key
 * missing here, or in another catalog, fails the typecheck.
 */
export const en = {
  'app.name': 'AuZap',
  'app.nameDemo': 'AuZap (Demo)',
  'app.titleUnread': '({count}) AuZap',
  'app.starting': 'Starting AuZap…',
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

  'tray.paused': 'notifications paused',
  'tray.pausedUntil': 'notifications paused until {time}',

  'quiet.leftUnderMinute': 'less than a minute left',
  'quiet.leftMinutes': '{minutes} min left',
  'quiet.leftHours': '{hours} h left',
  'quiet.leftHoursMinutes': '{hours} h {minutes} min left',
  'quiet.leftDays': '{days, plural, one {# day} other {# days}} left',
  'quiet.leftDaysHours': '{days} d {hours} h left',
  'mute.choose': 'Mute notifications…',
  'mute.for.1h': 'For 1 hour',
  'mute.for.8h': 'For 8 hours',
  'mute.for.1w': 'For 1 week',
  'mute.for.always': 'Until I unmute',
  'mute.on': 'Muted',
  'mute.onFor': 'Muted — {left}',
  'mute.off': 'Unmute notifications',
  'pause.label': 'Pause notifications',
  'pause.none': 'Notifications on',
  'pause.for.1h': 'Pause for 1 hour',
  'pause.for.morning': 'Pause until tomorrow morning ({time})',
  'pause.for.until-resumed': 'Pause until I turn them back on',
  'pause.on': 'Notifications paused',
  'pause.onUntil': 'Paused until {time} — {left}',
  'pause.resume': 'Resume',

  'inbox.title': 'Inbox',
  'inbox.chooseConversation': 'Choose a conversation on the left.',
  'inbox.emptyWelcome': 'New WhatsApp messages will appear here as they arrive.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
