import { LanguageSchema, type Language, type QuickPhrase } from '@rs/signaling';
import type { SignalingClient } from '@rs/web-common';

/**
 * The quick phrases offered in one session (R6.2): those of its queue and those
 * for every queue, in every language; the session's language comes first.
 */
export class QuickPhraseBook {
  private phrases: QuickPhrase[] = [];
  private loading: Promise<void> | null = null;

  constructor(
    private readonly signaling: SignalingClient,
    private readonly queueId: () => string | null,
  ) {}

  /** Loads once (again after `reload`); a failure leaves the book empty. */
  load(): Promise<void> {
    this.loading ??= this.signaling
      .request('quick-phrases:list', { queueId: this.queueId() })
      .then(({ phrases }) => {
        this.phrases = [...phrases].sort((a, b) => a.code.localeCompare(b.code));
      })
      .catch((error: unknown) => {
        console.warn('quick phrases unavailable', error);
        this.loading = null;
      });
    return this.loading;
  }

  reload(): Promise<void> {
    this.loading = null;
    return this.load();
  }

  /** Languages that have at least one phrase. */
  languages(): Language[] {
    return LanguageSchema.options.filter((language) => this.phrases.some((phrase) => phrase.language === language));
  }

  inLanguage(language: Language): QuickPhrase[] {
    return this.phrases.filter((phrase) => phrase.language === language);
  }

  /** The phrase for a typed code: in the session's language, else in English. */
  find(code: string, language: Language): QuickPhrase | null {
    const exact = this.phrases.find((phrase) => phrase.code === code && phrase.language === language);
    return exact ?? this.phrases.find((phrase) => phrase.code === code && phrase.language === 'en') ?? null;
  }
}
