import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { contactLabel } from '../../../../shared/contact-label';
import type { ConversationView } from '../../../../shared/inbox';
import { formatPhoneNumber } from '../../../../shared/phone';
import { ModalDialog } from '../../app/ModalDialog';
import { useT } from '../../i18n/I18nProvider';
import { searchMatcher } from '../inbox/inbox-model';
import { nextListboxIndex } from '../inbox/listbox-keys';

const WORDS = {
  title: 'switcher.title',
  placeholder: 'switcher.placeholder',
  nothing: 'switcher.nothing',
  hint: 'switcher.hint',
} as const;

/** Enough to choose from without scrolling; typing narrows it. */
const MAX_SHOWN = 8;
const optionId = (id: string) => `switcher-option-${id}`;

/** Ctrl/⌘+K: a name or a number, Enter, and that conversation is open with the focus in its reply box. */
export function QuickSwitcher({
  conversations,
  onOpen,
  onClose,
}: {
  conversations: ConversationView[];
  onOpen: (conversationId: string) => void;
  onClose: () => void;
}) {
  const i18n = useT();
  const { t } = i18n;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const opened = useRef(false);
  const matches = useMemo(() => conversations.filter(searchMatcher(query)).slice(0, MAX_SHOWN), [conversations, query]);
  const activeRow = matches[Math.min(active, matches.length - 1)];

  const open = (id: string) => {
    // The reply box of the opened conversation takes the focus, not what had it before.
    opened.current = true;
    onOpen(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (activeRow) open(activeRow.id);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setActive((current) => nextListboxIndex(event.key, current, matches.length, 1) ?? current);
  };

  return (
    <ModalDialog
      label={t(WORDS.title)}
      className="switcher"
      testId="quick-switcher"
      focusMoved={opened}
      onClose={onClose}
    >
      <input
        className="input switcher__input"
        role="combobox"
        aria-label={t(WORDS.title)}
        aria-expanded={matches.length > 0}
        aria-controls="switcher-listbox"
        aria-activedescendant={activeRow ? optionId(activeRow.id) : undefined}
        aria-autocomplete="list"
        placeholder={t(WORDS.placeholder)}
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="switcher-listbox" className="switcher__options" role="listbox" aria-label={t(WORDS.title)}>
        {matches.map((row) => (
          <li
            key={row.id}
            id={optionId(row.id)}
            role="option"
            aria-selected={row === activeRow}
            className={`switcher__option${row === activeRow ? ' switcher__option--active' : ''}`}
            data-testid="switcher-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => open(row.id)}
          >
            <span className="switcher__name" dir="auto">
              {contactLabel(row, i18n)}
            </span>
            {row.contactName && row.contactPhone ? (
              <span className="muted">{formatPhoneNumber(row.contactPhone)}</span>
            ) : null}
            {row.unreadCount > 0 ? (
              <>
                <span className="unread-badge" aria-hidden="true">
                  {row.unreadCount}
                </span>
                <span className="visually-hidden">{t('conversations.unread', { count: row.unreadCount })}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {matches.length === 0 ? <p className="muted">{t(WORDS.nothing)}</p> : null}
      <p className="muted switcher__hint">{t(WORDS.hint)}</p>
    </ModalDialog>
  );
}
