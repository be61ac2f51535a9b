import type { ConversationView } from '../../../../shared/inbox';
import { MUTE_DURATIONS, muteDuration, remainingWords } from '../../../../shared/quiet-time';
import { runCommand } from '../../bridge/run-command';
import { useNow } from '../../hooks/useNow';
import { useChoiceOnCommit } from '../../hooks/useChoiceOnCommit';
import { useT } from '../../i18n/I18nProvider';

/**
 * A conversation's mute in its header: a choice of how long (1 hour, 8 hours, 1 week,
 * until unmuted) and, while muted, what is left of it and the way out.
 */
export function MuteControl({ conversation }: { conversation: ConversationView }) {
  const setMuted = (muted: boolean, duration?: string) => {
    const parsed = muteDuration.safeParse(duration);
    void runCommand('inbox:set-muted', {
      conversationId: conversation.id,
      muted,
      ...(parsed.success ? { duration: parsed.data } : {}),
    });
  };

  // Whichever shows after a choice takes the focus (useFocusRescue): the select and its way back swap places.
  return (
    <span className="focus-home" data-focus-home="">
      {conversation.muted ? (
        <MutedState mutedUntil={conversation.mutedUntil ?? null} onUnmute={() => setMuted(false)} />
      ) : (
        <MuteChoice onChoose={(duration) => setMuted(true, duration)} />
      )}
    </span>
  );
}

function MuteChoice({ onChoose }: { onChoose: (duration: string) => void }) {
  const { t } = useT();
  const choice = useChoiceOnCommit('', onChoose);
  return (
    <select className="select" aria-label={t('mute.choose')} {...choice} data-testid="mute-for" data-focus-target="">
      <option value="" disabled>
        {t('mute.choose')}
      </option>
      {MUTE_DURATIONS.map((duration) => (
        <option key={duration} value={duration}>
          {t(`mute.for.${duration}`)}
        </option>
      ))}
    </select>
  );
}

/** Its own clock, started when the mute shows: the time left is never read off an older tick. */
function MutedState({ mutedUntil, onUnmute }: { mutedUntil: string | null; onUnmute: () => void }) {
  const { t } = useT();
  const now = useNow(30_000);
  const until = mutedUntil ? Date.parse(mutedUntil) : null;
  return (
    <div className="mute-control">
      <span className="muted" data-testid="mute-state" role="status">
        {until === null ? t('mute.on') : t('mute.onFor', { left: remainingWords(until, now, t) })}
      </span>
      <button type="button" className="button" onClick={onUnmute} data-testid="mute-toggle" data-focus-target="">
        {t('mute.off')}
      </button>
    </div>
  );
}
