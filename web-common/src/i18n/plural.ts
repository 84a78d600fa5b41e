/**
 * Plural forms in messages, the ICU way: `{count, plural, one {# session} other {# sessions}}`.
 * The form is chosen by the language's rules (Intl.PluralRules: French says "1 session" and
 * "0 session", Traditional Chinese has one form); `#` is the number, other `{param}`s are filled
 * in afterwards by t(). Forms tried: `=N` (exact), the language's category, then `other`.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;

const rulesByLanguage = new Map<string, Intl.PluralRules>();

function rulesFor(language: string): Intl.PluralRules {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesByLanguage.set(language, rules);
  }
  return rules;
}

/** The template with every plural block replaced by the form for its number (blocks without a number stay). */
export function selectPlurals(template: string, language: string, params: Readonly<Record<string, string | number>>): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const value = params[name];
    const count = typeof value === 'number' ? value : Number(value);
    if (value === undefined || !Number.isFinite(count)) return whole;
    const forms = new Map<string, string>();
    for (const [, form, text] of body.matchAll(FORM)) forms.set(form!, text!);
    const chosen = forms.get(`=${count}`) ?? forms.get(rulesFor(language).select(count)) ?? forms.get('other') ?? whole;
    return chosen.replace(/#/g, count.toLocaleString(language));
  });
}
