/**
 * Which error a form field shows. The server's message stands until the person edits the
 * field; from then on only what is still wrong with the new value is shown, so the message
 * disappears the moment the field is fixed (and never lingers after a correction).
 */
export function visibleFieldError(
  serverError: string | undefined,
  editedSinceSubmit: boolean,
  checkCurrent: () => string | undefined,
): string | undefined {
  if (!serverError) return undefined;
  return editedSinceSubmit ? checkCurrent() : serverError;
}
