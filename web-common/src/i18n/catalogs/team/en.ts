/* Running a support team (issue 12): a new number for an expired one, the customer's way forward and attention cues. */

export const enTeamConsole = {
  'invite.renew': "New number",
  'invite.renewing': "Getting a new number…",
  'invite.renewed': "New number {number}: give the customer this one (the old one no longer works).",
  'invite.renewFailed': "No new number could be made. Try again.",
  'invite.numberInUse': "A customer has used this number: it stays valid for the whole session.",
} as const;

export const enTeamCustomer = {
  'join.askNewNumber': "A number stops working if nobody uses it soon, and when its session ends. Ask the person helping you for a new number.",
  'ended.askNewNumber': "Need more help? Ask the person helping you for a new session number and join again.",
  'cue.message': "{count, plural, one {(#) New message} other {(#) New messages}}",
  'cue.agentJoined': "{name} joined",
  'cue.admitted': "You are in the session",
  'cue.voice': "Voice call started",
  'cue.sound': "Sound alerts",
} as const;


/** Both apps: the annotation colours' names (swatches, not hex codes). */
export const enTeamShared = {
  'color.red': "Red",
  'color.yellow': "Yellow",
  'color.blue': "Blue",
  'color.green': "Green",
  'color.black': "Black",
} as const;

export type TeamMessageKey = keyof typeof enTeamConsole | keyof typeof enTeamCustomer | keyof typeof enTeamShared;
