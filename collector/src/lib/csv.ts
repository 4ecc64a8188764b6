/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's list, with the full-width forms that some
 * spreadsheets also honour). A text cell starting with one is prefixed with a single quote.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV cell (RFC 4180): text that could be a formula is neutralised, then quoted when it has to be. */
export const csvCell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** CSV lines (RFC 4180, CRLF line ends): the header, then one line per row of cells. */
export const csvLines = (header: readonly string[], rows: (string | number | null | undefined)[][]): string =>
  [header.join(','), ...rows.map((cells) => cells.map(csvCell).join(','))].map((line) => `${line}\r\n`).join('');
