import { describeViewStatus, type ViewStatusInput } from './view-status';

const input = (over: Partial<ViewStatusInput>): ViewStatusInput => ({ hasCustomer: true, request: 'granted', viewing: false, automatic: false, inControl: true, ...over });

describe('what the agent reads about "view desktop"', () => {
  it('viewing while the customer shares', () => {
    expect(describeViewStatus(input({ viewing: true })).state).toBe('viewing');
  });

  it('the customer reloaded: waiting for their Resume click, even while the last picture still shows', () => {
    // The server keeps the old screen for the reconnect grace: the picture is frozen, not live.
    expect(describeViewStatus(input({ waitingResume: true })).state).toBe('waiting-resume');
    expect(describeViewStatus(input({ viewing: true, waitingResume: true })).state).toBe('waiting-resume');
  });

  it('recovering after a fault, granted and waiting for the share, denied', () => {
    expect(describeViewStatus(input({ recovering: true })).state).toBe('recovering');
    expect(describeViewStatus(input({})).state).toBe('granted');
    expect(describeViewStatus(input({ request: 'denied' })).state).toBe('denied');
  });
});
