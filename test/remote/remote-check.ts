// Tests stop on a failed remote result with this; the product treats failures as data (src/remote/result.ts).
import { remoteFailureMessage } from '../../src/remote/errors.ts';
import { failureOf, type RemoteFailure, type RemoteResult } from '../../src/remote/result.ts';

export class RemoteCommandError extends Error {
  override name = 'RemoteCommandError';
  readonly failure: RemoteFailure;
  readonly result: RemoteResult;
  constructor(result: RemoteResult, failure: RemoteFailure) {
    super(remoteFailureMessage(result, failure));
    this.failure = failure;
    this.result = result;
  }
}

/** Returns the result when it succeeded, else throws with the message the product would show. */
export function check(result: RemoteResult): RemoteResult {
  const failure = failureOf(result);
  if (failure !== undefined) throw new RemoteCommandError(result, failure);
  return result;
}
