import type { CatalogPart } from '../en';
import type { enTeamConsole, enTeamCustomer, enTeamShared } from './en';

export const frTeamConsole: CatalogPart<typeof enTeamConsole> = {
  'invite.renew': "Nouveau numéro",
  'invite.renewing': "Création d’un nouveau numéro…",
  'invite.renewed': "Nouveau numéro {number} : donnez celui-ci au client (l’ancien ne fonctionne plus).",
  'invite.renewFailed': "Aucun nouveau numéro n’a pu être créé. Réessayez.",
  'invite.numberInUse': "Un client a utilisé ce numéro : il reste valable pendant toute la session.",
};

export const frTeamCustomer: CatalogPart<typeof enTeamCustomer> = {
  'join.askNewNumber': "Un numéro cesse de fonctionner s’il n’est pas utilisé rapidement, et quand sa session prend fin. Demandez un nouveau numéro à la personne qui vous aide.",
  'ended.askNewNumber': "Besoin d’aide supplémentaire ? Demandez un nouveau numéro de session à la personne qui vous aide et rejoignez-la.",
  'cue.message': "{count, plural, one {(#) Nouveau message} other {(#) Nouveaux messages}}",
  'cue.agentJoined': "{name} a rejoint la session",
  'cue.admitted': "Vous êtes dans la session",
  'cue.voice': "Appel vocal commencé",
  'cue.sound': "Alertes sonores",
};

export const frTeamShared: CatalogPart<typeof enTeamShared> = {
  'color.red': "Rouge",
  'color.yellow': "Jaune",
  'color.blue': "Bleu",
  'color.green': "Vert",
  'color.black': "Noir",
};
