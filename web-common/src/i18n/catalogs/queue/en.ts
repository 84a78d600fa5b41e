/*
 * Inbound support (issue 10): the help page and waiting room (customer client), queues,
 * presence, offers, transfer and quick phrases (console), and the help button's label.
 * Kept apart from ../en.ts so each file stays readable; en.ts adds these keys to MessageKey.
 */

/** help-button.js: its only string. */
export const enHelpButton = {
  'helpButton.label': 'Get help',
} as const;

/** The help page, the waiting room and leaving a message (customer client). */
export const enHelp = {
  'help.title': 'Get help',
  'help.intro': 'Tell us who you are and what the problem is. The next free agent will take your request: there is no number to type.',
  'help.loading': 'Loading the help page…',
  'help.loadFailed': 'The help page could not be loaded. Check your connection and try again.',
  'help.retry': 'Try again',
  'help.noQueues': 'Nobody is taking requests at the moment. Please try again later.',
  'help.queueLabel': 'What do you need help with?',
  'help.nameLabel': 'Your name',
  'help.emailLabel': 'E-mail',
  'help.problemLabel': 'Describe the problem',
  'help.problemHint': 'A few words are enough: what you were doing and what went wrong.',
  'help.optional': 'optional',
  'help.choose': 'Choose…',
  'help.submit': 'Ask for help',
  'help.submitting': 'Sending your request…',
  'help.nameRequired': 'Please enter your name.',
  'help.fieldRequired': 'Please fill in this field.',
  'help.emailInvalid': 'This e-mail address does not look right.',
  'help.tooLong': 'This is too long (at most {max} characters).',
  'help.invalid': 'Some answers were not accepted. Check the fields marked in red.',
  'help.queueUnavailable': 'This queue is not taking requests any more. Choose another one or try again later.',
  'help.rateLimited': 'Too many requests from your network. Try again in {seconds} s.',
  'help.fromPage': 'Request sent from: {page}',
  'waiting.title': 'Please wait, an agent will be with you shortly',
  'waiting.queue': 'Queue: {name}',
  'waiting.connecting': 'Connecting to the queue…',
  'waiting.position': 'You are number {position} in the queue',
  'waiting.next': 'You are next in the queue',
  'waiting.estimate': 'Estimated wait: about {minutes} min',
  'waiting.estimateSoon': 'Estimated wait: less than a minute',
  'waiting.estimateUnknown': 'Estimated wait: not known yet',
  'waiting.waited': 'Waiting for {time}',
  'waiting.keepOpen': 'Keep this page open: a short disconnect or a reload keeps your place.',
  'waiting.firstMessageLabel': 'Write to the agent while you wait',
  'waiting.firstMessageHint': 'The agent sees this message as soon as they take your request.',
  'waiting.firstMessageSend': 'Save message',
  'waiting.firstMessageSaved': 'Saved. The agent will see your message.',
  'waiting.firstMessageFailed': 'Your message could not be saved. Try again.',
  'waiting.offered': 'An agent is about to take your request…',
  'waiting.accepted': '{name} took your request. Starting the session…',
  'waiting.transferred': 'Your request was passed on. You are at the front of the new queue.',
  'waiting.transferredToAgents': 'Your request was passed on to another agent. Please wait a moment.',
  'waiting.leave': 'Leave the queue',
  'waiting.leaveTitle': 'Leave the queue?',
  'waiting.leaveBody': 'You lose your place. You can ask for help again at any time.',
  'waiting.leaveConfirm': 'Leave',
  'waiting.stay': 'Stay in the queue',
  'waiting.maxWaitTitle': 'This is taking longer than usual',
  'waiting.maxWaitBody': 'All agents are still busy. You can keep waiting, or leave a message and we will get back to you.',
  'waiting.keepWaiting': 'Keep waiting',
  'waiting.leaveMessage': 'Leave a message',
  'waiting.messageLabel': 'Your message',
  'waiting.messageSend': 'Send and leave the queue',
  'waiting.messageFailed': 'Your message could not be sent. Try again.',
  'waiting.gone': 'Your place in the queue is no longer valid.',
  'waiting.failed': 'The queue could not be reached. Check your connection and reload the page.',
  'ended.leftQueue': 'You left the queue',
  'ended.leftQueueBody': 'Nobody will contact you about this request.',
  'ended.messageLeft': 'Thank you, your message was recorded',
  'ended.messageLeftBody': 'An agent will get back to you.',
  'ended.askAgain': 'Ask for help again',
} as const;

/** Every key of this file (en.ts adds them to MessageKey). */
export type QueueMessageKey = keyof typeof enHelp | keyof typeof enHelpButton;
