import type { CatalogPart } from '../en';
import type { enTeamConsole, enTeamCustomer, enTeamShared } from './en';

export const nlTeamConsole: CatalogPart<typeof enTeamConsole> = {
  'invite.renew': "Nieuw nummer",
  'invite.renewing': "Nieuw nummer aanmaken…",
  'invite.renewed': "Nieuw nummer {number}: geef de klant dit nummer (het oude werkt niet meer).",
  'invite.renewFailed': "Er kon geen nieuw nummer worden gemaakt. Probeer het opnieuw.",
  'invite.numberInUse': "Een klant heeft dit nummer gebruikt: het blijft de hele sessie geldig.",
};

export const nlTeamCustomer: CatalogPart<typeof enTeamCustomer> = {
  'join.askNewNumber': "Een nummer werkt niet meer als het niet snel gebruikt wordt, en zodra de sessie eindigt. Vraag degene die u helpt om een nieuw nummer.",
  'ended.askNewNumber': "Meer hulp nodig? Vraag degene die u helpt om een nieuw sessienummer en neem opnieuw deel.",
  'cue.message': "{count, plural, one {(#) Nieuw bericht} other {(#) Nieuwe berichten}}",
  'cue.agentJoined': "{name} neemt deel",
  'cue.admitted': "U bent in de sessie",
  'cue.voice': "Spraakgesprek gestart",
  'cue.sound': "Geluidsmeldingen",
};

export const nlTeamShared: CatalogPart<typeof enTeamShared> = {
  'color.red': "Rood",
  'color.yellow': "Geel",
  'color.blue': "Blauw",
  'color.green': "Groen",
  'color.black': "Zwart",
};
