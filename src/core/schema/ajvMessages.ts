import type { ErrorObject } from 'ajv';
import localizeDe from 'ajv-i18n/localize/de';
import type { Locale } from '../shared/types';

/**
 * Ajv's own wording for keywords our domain messages do not cover (custom schemas may use any
 * keyword), in German through ajv-i18n. Works on a copy: Ajv's error objects stay untouched.
 */
export function localizeAjvMessage(error: ErrorObject, locale: Locale): string {
  const copy = { ...error };
  if (locale === 'de') localizeDe([copy]);
  return copy.message ?? error.keyword;
}
