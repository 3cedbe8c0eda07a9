/** What an uploaded workbook may weigh, so no file can exhaust memory, disk or time. */
export interface ImportLimits {
  /** The uploaded file itself. */
  maxFileBytes: number;
  /** Everything inside the zip once inflated: a zip bomb is stopped here. */
  maxUncompressedBytes: number;
  maxZipEntries: number;
  /** Data rows over all sheets. */
  maxRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxZipEntries: 1000,
  maxRows: 200_000,
};

export function readImportLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const n = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    maxFileBytes: n('GUATU_IMPORT_MAX_FILE_BYTES', DEFAULT_IMPORT_LIMITS.maxFileBytes),
    maxUncompressedBytes: n('GUATU_IMPORT_MAX_UNCOMPRESSED_BYTES', DEFAULT_IMPORT_LIMITS.maxUncompressedBytes),
    maxZipEntries: n('GUATU_IMPORT_MAX_ZIP_ENTRIES', DEFAULT_IMPORT_LIMITS.maxZipEntries),
    maxRows: n('GUATU_IMPORT_MAX_ROWS', DEFAULT_IMPORT_LIMITS.maxRows),
  };
}
