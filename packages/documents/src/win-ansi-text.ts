import type { InvoiceDocument, Party } from "./types.ts";

// The PDF standard fonts (the only fonts used, so nothing is embedded or downloaded) can
// draw just the WinAnsi (Windows-1252) character set; pdfkit prints anything else as
// garbage. Text is therefore folded to its closest WinAnsi spelling before drawing.

const CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
/** Letters that Unicode does not decompose into a base letter plus a mark. */
const FOLDED_LETTERS: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŧ: "T",
  ŧ: "t",
  ſ: "s",
};
const FOLDED_PUNCTUATION: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
};
const COMBINING_MARKS = /\p{M}/gu;

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff)
  )
    return true;
  return CP1252_EXTRAS.includes(char);
}

/** "Łódź 東京" -> "Lódz ??": WinAnsi characters are kept, others folded to a base letter or "?". */
export function toWinAnsiText(text: string): string {
  let result = "";
  for (const char of text.normalize("NFC")) {
    if (isWinAnsi(char)) {
      result += char;
      continue;
    }
    const folded =
      FOLDED_LETTERS[char] ?? FOLDED_PUNCTUATION[char] ?? char.normalize("NFKD").replace(COMBINING_MARKS, "");
    result += folded !== "" && [...folded].every(isWinAnsi) ? folded : "?";
  }
  return result;
}

function printableParty(party: Party): Party {
  return {
    name: toWinAnsiText(party.name),
    addressLines: party.addressLines.map(toWinAnsiText),
    email: party.email == null ? party.email : toWinAnsiText(party.email),
    taxId: party.taxId == null ? party.taxId : toWinAnsiText(party.taxId),
    accountNumber: party.accountNumber == null ? party.accountNumber : toWinAnsiText(party.accountNumber),
  };
}

/** The invoice with every free-text field folded to WinAnsi (amounts and dates are left as they are). */
export function toPrintableInvoice(invoice: InvoiceDocument): InvoiceDocument {
  const optional = (value: string | null | undefined): string | null | undefined =>
    value == null ? value : toWinAnsiText(value);
  return {
    ...invoice,
    number: toWinAnsiText(invoice.number),
    orderNumber: optional(invoice.orderNumber),
    creditFor: invoice.creditFor
      ? { ...invoice.creditFor, number: toWinAnsiText(invoice.creditFor.number) }
      : invoice.creditFor,
    seller: printableParty(invoice.seller),
    buyer: printableParty(invoice.buyer),
    branding: invoice.branding
      ? { ...invoice.branding, displayName: toWinAnsiText(invoice.branding.displayName) }
      : invoice.branding,
    lines: invoice.lines.map((line) => ({
      ...line,
      description: toWinAnsiText(line.description),
      detail: optional(line.detail),
    })),
    taxMention: optional(invoice.taxMention),
    notes: optional(invoice.notes),
  };
}
