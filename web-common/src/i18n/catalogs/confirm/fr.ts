import type { CatalogPart } from '../en';
import type { enConfirmConsole, enConfirmCustomer } from './en';

export const frConfirmConsole: CatalogPart<typeof enConfirmConsole> = {
  'confirm.transferTitle': "Donner le contrôle à {name} ?",
  'confirm.transferBody': "{name} devient l’agent qui contrôle la session. La prise en main et le partage de votre écran s’arrêtent ; vous restez dans la session comme assistant.",
  'confirm.transfer': "Donner le contrôle",
  'confirm.takeOverTitle': "Prendre le contrôle de cette session ?",
  'confirm.takeOverBody': "Vous devenez l’agent qui contrôle la session et l’agent devient observateur. La prise en main en cours s’arrête.",
  'confirm.takeOver': "Prendre le contrôle",
  'confirm.signOutTitle': "Se déconnecter avec des sessions en cours ?",
  'confirm.signOutBody': "Vous avez encore {count, plural, one {# session en cours} other {# sessions en cours}}. Si vous vous déconnectez, les clients attendent sans vous jusqu’à votre retour.",
  'confirm.signOut': "Se déconnecter",
};

export const frConfirmCustomer: CatalogPart<typeof enConfirmCustomer> = {
  'confirm.withdrawTitle': "Retirer toutes les autorisations ?",
  'confirm.withdrawBody': "Le partage de votre écran et tout ce que vous avez autorisé s’arrêtent immédiatement. L’agent devra redemander.",
  'confirm.withdraw': "Retirer",
  'confirm.leaveTitle': "Quitter pendant le partage de votre écran ?",
  'confirm.leaveBody': "Le partage s’arrête et vous quittez la session. Vous pouvez revenir avec le même numéro.",
  'confirm.leave': "Quitter",
};
