/* Admission of further customers and complete session records (issue 12). */

export const enRecordsConsole = {
  'admission.title': "Waiting to join",
  'admission.asking': "{name} is asking to join",
  'admission.askingToast': "{name} is asking to join this session",
  'admission.admit': "Admit",
  'admission.decline': "Decline",
  'admission.onlyController': "The agent in control admits or declines.",
  'admission.failed': "The answer could not be sent.",
} as const;

export const enRecordsCustomer = {
  'admission.waitTitle': "Waiting to be admitted",
  'admission.waitBody': "Another customer is already in this session. The agent will let you in shortly; you see and hear nothing of the session until then.",
  'ended.declined': "The agent did not admit you to this session",
} as const;

export type RecordsMessageKey = keyof typeof enRecordsConsole | keyof typeof enRecordsCustomer;
