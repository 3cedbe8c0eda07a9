/** A file that cannot be imported at all: the rule names why, for the whole file rather than a cell. */
export class WorkbookError extends Error {
  constructor(
    readonly rule: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(rule);
  }
}
