import type { CatalogPart } from '../en';
import type { enRecordsConsole, enRecordsCustomer } from './en';

export const nlRecordsConsole: CatalogPart<typeof enRecordsConsole> = {
  'admission.title': "Wacht om deel te nemen",
  'admission.asking': "{name} vraagt om deel te nemen",
  'admission.askingToast': "{name} vraagt om deel te nemen aan deze sessie",
  'admission.admit': "Toelaten",
  'admission.decline': "Weigeren",
  'admission.onlyController': "De agent met de regie laat toe of weigert.",
  'admission.failed': "Het antwoord kon niet worden verzonden.",
};

export const nlRecordsCustomer: CatalogPart<typeof enRecordsCustomer> = {
  'admission.waitTitle': "Wachten op toelating",
  'admission.waitBody': "Er is al een andere klant in deze sessie. De agent laat u zo binnen; tot dan ziet en hoort u niets van de sessie.",
  'ended.declined': "De agent heeft u niet tot deze sessie toegelaten",
};
