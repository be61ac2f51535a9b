import { translator } from '../../src/shared/i18n/translate';
import { say, type UserText } from '../../src/shared/i18n/user-text';

/** Catalog words as an English-speaking user reads them ('' for none). */
export const inEnglish = (value: UserText | null | undefined): string => (value ? say(translator('en'), value) : '');
