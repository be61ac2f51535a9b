/** Português do Brasil para o que o processo principal mostra fora da janela (ver en-desktop.ts). */
import type { enDesktop } from './en-desktop';

export const ptBRDesktop: Record<keyof typeof enDesktop, string> = {
  'tray.open': 'Abrir o AuZap',
  'tray.quit': 'Sair do AuZap',
  'tray.pause.menu': 'Pausar notificações',
  'tray.pause.resume': 'Reativar notificações',
  'tray.pause.resumeLeft': 'Reativar notificações ({left})',
  'tray.update.restartTo': 'Reiniciar e atualizar para a versão {version}',
  'tray.update.downloading': 'Baixando uma atualização…',

  'menu.file': 'Arquivo',
  'menu.edit': 'Editar',
  'menu.window': 'Janela',
  'menu.develop': 'Desenvolvimento',
  'menu.quit': 'Sair do {app}',
  'menu.about': 'Sobre o {app}',
  'menu.services': 'Serviços',
  'menu.hide': 'Ocultar o {app}',
  'menu.hideOthers': 'Ocultar os outros',
  'menu.unhide': 'Mostrar tudo',
  'menu.undo': 'Desfazer',
  'menu.redo': 'Refazer',
  'menu.cut': 'Recortar',
  'menu.copy': 'Copiar',
  'menu.paste': 'Colar',
  'menu.pasteAndMatchStyle': 'Colar e manter o estilo',
  'menu.delete': 'Apagar',
  'menu.selectAll': 'Selecionar tudo',
  'menu.close': 'Fechar janela',
  'menu.minimize': 'Minimizar',
  'menu.zoom': 'Zoom',
  'menu.front': 'Trazer tudo para a frente',
  'menu.reload': 'Recarregar',
  'menu.forceReload': 'Forçar recarregamento',
  'menu.devTools': 'Ferramentas do desenvolvedor',
  'menu.noSuggestions': 'Nenhuma sugestão de ortografia',
  'menu.addToDictionary': 'Adicionar ao dicionário',
  'menu.copyLink': 'Copiar endereço do link',

  'startFailure.title': 'O AuZap não conseguiu abrir',
  'startFailure.reason': 'O motivo: {reason}',
  'startFailure.unknownReason': 'um erro desconhecido',
  'startFailure.details': 'Os detalhes estão em {file}.',
  'startFailure.tryAgain': 'Tente abrir o AuZap de novo.',

  'badge.unread': '{count, plural, one {# mensagem não lida} other {# mensagens não lidas}}',

  'closeToTray.minimized.title': 'O AuZap continua aberto, minimizado',
  'closeToTray.minimized.body':
    'Esta área de trabalho não mostra ícones na bandeja, então o AuZap fica na barra de tarefas para continuar avisando você. Para sair, pressione Ctrl+Q na janela dele.',
  'closeToTray.menuBar.title': 'O AuZap continua aberto na barra de menus',
  'closeToTray.menuBar.body':
    'As novas mensagens continuam chegando e avisando você. Para sair, escolha Sair do AuZap no ícone da barra de menus.',
  'closeToTray.tray.title': 'O AuZap continua aberto na bandeja',
  'closeToTray.tray.body':
    'As novas mensagens continuam chegando e avisando você. Para sair, escolha Sair do AuZap no menu do ícone da bandeja.',

  'link.notWeb': 'Isto não é um endereço da web.',
  'link.notSecure': 'O AuZap abre só endereços seguros (https); este não é seguro.',
  'link.badScheme': 'O AuZap não abre links “{scheme}”.',
  'link.refused.title': 'Link não aberto',
  'link.refused.message': 'Este link não foi aberto',
  'link.ask.title': 'Abrir o link?',
  'link.ask.message': 'Abrir no navegador este link que veio numa mensagem?',
  'link.ask.trust': 'Só abra links de pessoas em quem você confia.',
  'link.ask.copy': 'Copiar endereço',
  'link.ask.open': 'Abrir link',
  'common.ok': 'OK',

  'updates.error.checksum':
    'A atualização baixada veio danificada (soma de verificação diferente) e não foi instalada.',
  'updates.error.network': 'Não foi possível falar com o servidor de atualizações.',
  'updates.error.notFound': 'O servidor de atualizações ainda não tem informações de atualização para este aplicativo.',
  'updates.error.server': 'O servidor de atualizações teve um problema. O aplicativo tenta de novo mais tarde.',
  'updates.error.badFeed': 'O servidor de atualizações enviou informações que o aplicativo não consegue ler.',
  'updates.error.signature': 'A atualização baixada não tem a assinatura do AuZap e não foi instalada.',
  'updates.error.diskFull': 'Não há espaço em disco suficiente para baixar a atualização.',
  'updates.error.noPermission': 'O aplicativo não tem permissão para salvar ou instalar a atualização.',
  'updates.error.unknown':
    'A atualização não pôde ser concluída. O aplicativo continua funcionando e tenta de novo mais tarde.',
  'updates.error.unknownSaying':
    'A atualização não pôde ser concluída (o atualizador disse “{detail}”). O aplicativo continua funcionando e tenta de novo mais tarde.',
};
