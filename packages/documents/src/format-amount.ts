// Amounts arrive as exact decimal strings (from Prisma Decimal / decimal.js). They are
// formatted digit by digit, with BigInt for rounding, so no value ever passes through a
// binary float and "0.10 + 0.20"-style artefacts cannot reach a printed invoice.

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export interface FormatDecimalOptions {
  /** Digits always shown after the point (default 2). */
  minFractionDigits?: number;
  /** Digits kept after the point; further digits are rounded half away from zero (default 2). */
  maxFractionDigits?: number;
}

/** Formats an exact decimal string with thousands separators: "-1234.5" -> "-1,234.50". */
export function formatDecimal(value: string, options: FormatDecimalOptions = {}): string {
  const minFractionDigits = options.minFractionDigits ?? 2;
  const maxFractionDigits = Math.max(options.maxFractionDigits ?? 2, minFractionDigits);
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) {
    throw new RangeError(`Not a decimal amount: "${value}"`);
  }
  const [, sign = "", integerDigits = "0", fractionDigits = ""] = match;

  const kept = fractionDigits.slice(0, maxFractionDigits).padEnd(maxFractionDigits, "0");
  let scaled = BigInt(integerDigits + kept);
  const firstDropped = fractionDigits.charAt(maxFractionDigits);
  if (firstDropped !== "" && firstDropped >= "5") {
    scaled += 1n;
  }

  const digits = scaled.toString().padStart(maxFractionDigits + 1, "0");
  const integerPart = digits.slice(0, digits.length - maxFractionDigits);
  let fractionPart = digits.slice(digits.length - maxFractionDigits);
  while (fractionPart.length > minFractionDigits && fractionPart.endsWith("0")) {
    fractionPart = fractionPart.slice(0, -1);
  }

  const grouped = groupThousands(integerPart);
  const body = fractionPart === "" ? grouped : `${grouped}.${fractionPart}`;
  // A value that rounds to zero is printed without a sign: "-0.00" confuses readers.
  return sign === "-" && scaled !== 0n ? `-${body}` : body;
}

/** Formats an amount with its ISO 4217 code: ("-1234.5", "EUR") -> "-1,234.50 EUR". */
export function formatMoney(value: string, currency: string): string {
  // The code, not a symbol: "$" is ambiguous between USD, CAD, AUD... and many symbols
  // are missing from the PDF standard fonts' WinAnsi encoding.
  const code = currency.trim().toUpperCase();
  if (!CURRENCY_PATTERN.test(code)) {
    throw new RangeError(`Not an ISO 4217 currency code: "${currency}"`);
  }
  return `${formatDecimal(value)} ${code}`;
}

/** Formats a tax percentage without needless zeros: "19.00" -> "19%", "7.50" -> "7.5%". */
export function formatTaxRate(percent: string): string {
  return `${formatDecimal(percent, { minFractionDigits: 0, maxFractionDigits: 2 })}%`;
}

/** Formats a line quantity: whole numbers with separators, fractions up to 4 digits. */
export function formatQuantity(quantity: number): string {
  if (!Number.isFinite(quantity)) {
    throw new RangeError(`Not a quantity: ${quantity}`);
  }
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(quantity);
}

function groupThousands(integerDigits: string): string {
  const groups: string[] = [];
  for (let end = integerDigits.length; end > 0; end -= 3) {
    groups.unshift(integerDigits.slice(Math.max(0, end - 3), end));
  }
  return groups.join(",");
}
