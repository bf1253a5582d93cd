// Reads a number a reader typed into an answer box: "2.5", "2,5", "−3" (a real minus), "+1.1", "1e3", "0.5 dB".
// Leaves out digit grouping ("1,000" reads as 1.0) and SI prefixes ("4k7"): answer boxes ask for plain numbers.

const NUMBER_AT_START = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i;

/** The number at the start of `text`, or NaN when there is none; any unit written after it is ignored. */
export function parseReaderNumber(text: string): number {
  const normalised = text
    .trim()
    .replace(/[\u2212\u2013\u2012\u2010]/g, '-')
    .replace(/^([+-]?)\s+/, '$1')
    .replace(/(\d),(\d)/, '$1.$2');
  const match = NUMBER_AT_START.exec(normalised);
  return match ? Number(match[0]) : Number.NaN;
}
