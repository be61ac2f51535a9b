/**
 * Who the app is to the OS. APP_ID must equal electron-builder.yml's appId: Windows ties
 * the Start-menu shortcut, the taskbar button and toast notifications to this
 * AppUserModelId (test/unit/shell/app-identity.test.ts keeps the two in step).
 */
export const APP_ID = 'com.auzap.desktop';
export const APP_NAME = 'AuZap';
