import { LANGUAGE_CHOICES, type LanguageChoice } from '../../../../shared/i18n/locale';
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
  return (
    <label className="settings__field">
      {t('language.label')}
      <select
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value as LanguageChoice)}
        data-testid="language"
      >
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
