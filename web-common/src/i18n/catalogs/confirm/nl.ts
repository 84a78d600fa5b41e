import type { CatalogPart } from '../en';
import type { enConfirmConsole, enConfirmCustomer } from './en';

export const nlConfirmConsole: CatalogPart<typeof enConfirmConsole> = {
  'confirm.transferTitle': "Besturing aan {name} geven?",
  'confirm.transferBody': "{name} wordt de agent die de sessie bestuurt. Overname op afstand en het delen van uw scherm stoppen; u blijft in de sessie als assistent.",
  'confirm.transfer': "Besturing geven",
  'confirm.takeOverTitle': "Deze sessie overnemen?",
  'confirm.takeOverBody': "U wordt de agent die de sessie bestuurt en de agent wordt toeschouwer. Overname op afstand die bezig is, stopt.",
  'confirm.takeOver': "Overnemen",
  'confirm.signOutTitle': "Afmelden met lopende sessies?",
  'confirm.signOutBody': "U hebt nog {count, plural, one {# lopende sessie} other {# lopende sessies}}. Als u zich afmeldt, wachten de klanten zonder u tot u weer aanmeldt.",
  'confirm.signOut': "Afmelden",
};

export const nlConfirmCustomer: CatalogPart<typeof enConfirmCustomer> = {
  'confirm.withdrawTitle': "Alle toestemmingen intrekken?",
  'confirm.withdrawBody': "Het delen van uw scherm en alles wat u hebt toegestaan, stopt meteen. De agent moet het opnieuw vragen.",
  'confirm.withdraw': "Intrekken",
  'confirm.leaveTitle': "Vertrekken terwijl u uw scherm deelt?",
  'confirm.leaveBody': "Het delen stopt en u verlaat de sessie. U kunt opnieuw deelnemen met hetzelfde nummer.",
  'confirm.leave': "Vertrekken",
};
