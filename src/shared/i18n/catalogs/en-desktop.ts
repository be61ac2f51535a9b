/**
 * English for what the Electron main process shows outside the window: the tray menu, the
 * app and right-click menus, native dialogs, the close-to-tray notice and update errors.
 * Spread into the English catalog (en.ts), so these keys are message keys like any other.
 */
export const enDesktop = {
  'tray.open': 'Open AuZap',
  'tray.quit': 'Quit AuZap',
  'tray.pause.menu': 'Pause notifications',
  'tray.pause.resume': 'Resume notifications',
  'tray.pause.resumeLeft': 'Resume notifications ({left})',
  'tray.update.restartTo': 'Restart to update to {version}',
  'tray.update.downloading': 'Downloading an update…',

  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.window': 'Window',
  'menu.develop': 'Develop',
  'menu.quit': 'Quit {app}',
  'menu.about': 'About {app}',
  'menu.services': 'Services',
  'menu.hide': 'Hide {app}',
  'menu.hideOthers': 'Hide Others',
  'menu.unhide': 'Show All',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.pasteAndMatchStyle': 'Paste and Match Style',
  'menu.delete': 'Delete',
  'menu.selectAll': 'Select All',
  'menu.close': 'Close Window',
  'menu.minimize': 'Minimize',
  'menu.zoom': 'Zoom',
  'menu.front': 'Bring All to Front',
  'menu.reload': 'Reload',
  'menu.forceReload': 'Force Reload',
  'menu.devTools': 'Toggle Developer Tools',
  'menu.noSuggestions': 'No spelling suggestions',
  'menu.addToDictionary': 'Add to dictionary',
  'menu.copyLink': 'Copy link address',

  'startFailure.title': 'AuZap could not start',
  'startFailure.reason': 'The reason: {reason}',
  'startFailure.unknownReason': 'an unknown error',
  'startFailure.details': 'Details are in {file}.',
  'startFailure.tryAgain': 'Try starting AuZap again.',

  'badge.unread': '{count, plural, one {# unread message} other {# unread messages}}',

  'closeToTray.minimized.title': 'AuZap is still running, minimized',
  'closeToTray.minimized.body':
    'This desktop shows no tray icons, so AuZap stays in the dock to keep notifying you. To quit, press Ctrl+Q in its window.',
  'closeToTray.menuBar.title': 'AuZap keeps running in the menu bar',
  'closeToTray.menuBar.body':
    'New messages still arrive and notify you. To quit, choose Quit AuZap from its menu-bar icon.',
  'closeToTray.tray.title': 'AuZap keeps running in the tray',
  'closeToTray.tray.body':
    'New messages still arrive and notify you. To quit, choose Quit AuZap from the tray icon’s menu.',

  'link.notWeb': 'This is not a web address.',
  'link.notSecure': 'AuZap opens only secure (https) web addresses; this one is not secure.',
  'link.badScheme': 'AuZap does not open “{scheme}” links.',
  'link.refused.title': 'Link not opened',
  'link.refused.message': 'This link was not opened',
  'link.ask.title': 'Open link?',
  'link.ask.message': 'Open this link from a message in your browser?',
  'link.ask.trust': 'Only open links from people you trust.',
  'link.ask.copy': 'Copy address',
  'link.ask.open': 'Open link',
  'common.ok': 'OK',

  'updates.error.checksum': 'The downloaded update was damaged (checksum mismatch) and was not installed.',
  'updates.error.network': 'Could not reach the update server.',
  'updates.error.notFound': 'The update server has no update information for this app yet.',
  'updates.error.server': 'The update server had a problem. The app will try again later.',
  'updates.error.badFeed': 'The update server sent update information the app could not read.',
  'updates.error.signature': 'The downloaded update is not signed by AuZap and was not installed.',
  'updates.error.diskFull': 'There is not enough disk space to download the update.',
  'updates.error.noPermission': 'The app is not allowed to save or install the update.',
  'updates.error.unknown': 'The update could not be completed. The app keeps working and will try again later.',
  'updates.error.unknownSaying':
    'The update could not be completed (the updater said “{detail}”). The app keeps working and will try again later.',
} as const satisfies Record<string, string>;
