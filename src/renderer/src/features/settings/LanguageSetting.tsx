import { LANGUAGE_CHOICES, type LanguageChoice } from '../../../../shared/i18n/locale';
import { useChoiceOnCommit } from '../../hooks/useChoiceOnCommit';
import { useT } from '../../i18n/I18nProvider';

const CHOICE_WORDS = {
  system: 'language.system',
  'pt-BR': 'language.pt-BR',
  en: 'language.en',
} as const;

/** System / Português (Brasil) / English: the window switches as soon as the host has saved it. */
export function LanguageSetting({
  value,
  onChange,
}: {
  value: LanguageChoice;
  onChange: (choice: LanguageChoice) => void;
}) {
  const { t } = useT();
  // Stepping with the arrows does not switch the whole window at each step: Enter does.
  const choice = useChoiceOnCommit(value, (chosen) => {
    const parsed = LANGUAGE_CHOICES.find((c) => c === chosen);
    if (parsed) onChange(parsed);
  });
  return (
    <label className="settings__field">
      {t('language.label')}
      <select className="select" {...choice} data-testid="language">
        {LANGUAGE_CHOICES.map((choice) => (
          // Each language is named in its own words, so a reader finds theirs whatever is shown.
          <option key={choice} value={choice} lang={choice === 'system' ? undefined : choice}>
            {t(CHOICE_WORDS[choice])}
          </option>
        ))}
      </select>
    </label>
  );
}
