import type { CatalogPart } from '../en';
import type { enRecordsConsole, enRecordsCustomer } from './en';

export const frRecordsConsole: CatalogPart<typeof enRecordsConsole> = {
  'admission.title': "En attente d’entrer",
  'admission.asking': "{name} demande à rejoindre",
  'admission.askingToast': "{name} demande à rejoindre cette session",
  'admission.admit': "Admettre",
  'admission.decline': "Refuser",
  'admission.onlyController': "L’agent qui a la main admet ou refuse.",
  'admission.failed': "La réponse n’a pas pu être envoyée.",
};

export const frRecordsCustomer: CatalogPart<typeof enRecordsCustomer> = {
  'admission.waitTitle': "En attente d’admission",
  'admission.waitBody': "Un autre client est déjà dans cette session. L’agent va vous faire entrer ; d’ici là, vous ne voyez et n’entendez rien de la session.",
  'ended.declined': "L’agent ne vous a pas admis dans cette session",
};
