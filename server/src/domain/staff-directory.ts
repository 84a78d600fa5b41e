/** What the session rules need to know about accounts (implemented over the account store). */
export interface StaffDirectory {
  /** Agent accounts assigned to this supervisor. */
  agentsOf(supervisorAccountId: string): Promise<string[]>;
}
