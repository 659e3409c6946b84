/** Where the sync page lives, and the navigation state that opens it at the conflicts. */
export const syncPath = '/sync';

export const syncConflictsState = { focus: 'conflicts' } as const;

export function wantsConflicts(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'focus' in state && state.focus === syncConflictsState.focus;
}
