// Exact cents for what a confirmation says ("€20.63 stays due"): amounts
// arrive and leave as decimal strings, never floats.

const toCents = (amount: string): bigint => {
  const [whole = "0", fraction = ""] = amount.trim().replace("-", "").split(".");
  const cents = BigInt((whole || "0") + fraction.padEnd(2, "0").slice(0, 2));
  return amount.trim().startsWith("-") ? -cents : cents;
};

const fromCents = (cents: bigint): string => {
  const sign = cents < 0n ? "-" : "";
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

export const Amounts = {
  /** "12.5" -> "12.50" */
  cents: (amount: string) => fromCents(toCents(amount)),
  minus: (a: string, b: string) => fromCents(toCents(a) - toCents(b)),
  isZero: (amount: string) => toCents(amount) === 0n,
};
