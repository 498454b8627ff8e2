/** The languages offered first; any other the person already uses is added to the list. */
const COMMON = [
  "en",
  "en-GB",
  "en-US",
  "ar",
  "da",
  "de",
  "es",
  "es-MX",
  "fi",
  "fr",
  "fr-CA",
  "hi",
  "id",
  "it",
  "ja",
  "ko",
  "nb",
  "nl",
  "pl",
  "pt",
  "pt-BR",
  "sv",
  "tr",
  "uk",
  "zh",
] as const;

export type LocaleOption = { locale: string; label: string };

/** Locales for a <select>, each named in the browser's language: "fr-CA" → "French (Canada)". */
export function localeOptions(extra: string[]): LocaleOption[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(undefined, { type: "language" });
  } catch {
    names = null;
  }
  const locales = [...new Set([...COMMON, ...extra.filter(Boolean)])];
  return locales
    .map((locale) => {
      let label = locale;
      try {
        label = names?.of(locale) ?? locale;
      } catch {
        label = locale;
      }
      return { locale, label: label === locale ? locale : `${label} (${locale})` };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
