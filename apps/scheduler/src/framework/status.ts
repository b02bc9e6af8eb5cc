/**
 * What a plugin says about one node, as the scheduler framework's Status: a code plus the reasons the
 * user reads in `kubectl describe pod`. "This node doesn't fit" is normal and carries a reason;
 * only `Error` means something broke.
 */
export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error' | 'Skip';

export interface Status {
  readonly code: StatusCode;
  readonly reasons: readonly string[];
}

export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: [] });

/** The node does not fit now but might after something changes on it (resources, ports). */
export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

/** The node can never fit this pod as it is (labels, name, taints): preemption would not help. */
export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

export function isSuccess(status: Status): boolean {
  return status.code === 'Success';
}
