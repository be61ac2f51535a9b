import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../src/shared/inbox';
import { buildThreadRows, type ThreadRow } from '../../../src/renderer/src/features/inbox/thread-rows';

function message(id: string, at: Date, direction: MessageView['direction'] = 'incoming'): MessageView {
  return {
    id,
    localId: null,
    conversationId: 'c',
    content: id,
    contentType: 'text',
    direction,
    timestamp: at.toISOString(),
    mediaUrl: null,
    status: direction === 'incoming' ? 'received' : 'sent',
    error: null,
  };
}

/** `|` a day, `~n` the unread divider, else the message id. */
function show(rows: ThreadRow[]): string[] {
  return rows.map((row) => (row.kind === 'day' ? '|' : row.kind === 'unread' ? `~${row.count}` : row.message.id));
}

describe('buildThreadRows', () => {
  const messages = [
    message('a', new Date(2026, 10, 29, 23, 59)),
    message('b', new Date(2026, 10, 30, 0, 1), 'outgoing'),
    message('c', new Date(2026, 10, 30, 9)),
    message('d', new Date(2026, 11, 1, 8), 'outgoing'),
    message('e', new Date(2026, 11, 1, 9)),
  ];

  it('puts a separator before the first message of each local day', () => {
    expect(show(buildThreadRows(messages))).toEqual(['|', 'a', '|', 'b', 'c', '|', 'd', 'e']);
  });

  it('puts the unread divider before the n-th incoming message from the end', () => {
    expect(show(buildThreadRows(messages, 1))).toEqual(['|', 'a', '|', 'b', 'c', '|', 'd', '~1', 'e']);
    expect(show(buildThreadRows(messages, 2))).toEqual(['|', 'a', '|', 'b', '~2', 'c', '|', 'd', 'e']);
  });

  it('counts back from the newest message there was on opening: arrivals while open do not move it', () => {
    const later = [...messages, message('f', new Date(2026, 11, 1, 10)), message('g', new Date(2026, 11, 1, 11))];
    expect(show(buildThreadRows(later, 1, 'e'))).toEqual(['|', 'a', '|', 'b', 'c', '|', 'd', '~1', 'e', 'f', 'g']);
    // Older pages loaded above do not move it either.
    expect(show(buildThreadRows([message('z', new Date(2026, 10, 29, 8)), ...later], 2, 'e'))).toEqual([
      '|',
      'z',
      'a',
      '|',
      'b',
      '~2',
      'c',
      '|',
      'd',
      'e',
      'f',
      'g',
    ]);
  });

  it('puts it at the top when fewer unread messages are loaded than counted', () => {
    expect(show(buildThreadRows(messages, 9))).toEqual(['|', '~9', 'a', '|', 'b', 'c', '|', 'd', 'e']);
    expect(show(buildThreadRows([], 3))).toEqual([]);
  });

  it('groups messages from one side a few minutes apart, never across a day or the divider', () => {
    const t = (minutes: number) => new Date(2026, 11, 1, 9, minutes);
    const burst = [
      message('p', t(0)),
      message('q', t(4)),
      message('r', t(8), 'outgoing'),
      message('s', t(9), 'outgoing'),
      message('u', t(20), 'outgoing'),
      message('v', t(21)),
      message('w', t(22)),
    ];
    const grouping = (rows: ThreadRow[]) =>
      rows.flatMap((row) =>
        row.kind === 'message'
          ? [`${row.grouped.withPrevious ? '<' : ''}${row.message.id}${row.grouped.withNext ? '>' : ''}`]
          : [],
      );
    expect(grouping(buildThreadRows(burst))).toEqual(['p>', '<q', 'r>', '<s', 'u', 'v>', '<w']);
    expect(grouping(buildThreadRows(burst, 1))).toEqual(['p>', '<q', 'r>', '<s', 'u', 'v', 'w']);
  });
});
