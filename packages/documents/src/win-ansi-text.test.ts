import { describe, expect, it } from "vitest";
import { toWinAnsiText } from "./win-ansi-text.ts";

describe("toWinAnsiText", () => {
  it("keeps what the standard fonts can draw, including Windows-1252 extras", () => {
    const text = "Größe – “Migración” € 1.234,50 … Œuvre Žižek\nline two";
    expect(toWinAnsiText(text)).toBe(text);
  });

  it("folds accented letters outside WinAnsi to their base letter", () => {
    expect(toWinAnsiText("Łukasz Żółć Sp. z o.o., Łódź")).toBe("Lukasz Zólc Sp. z o.o., Lódz");
    expect(toWinAnsiText("Ştefan Ţurcanu, Bucureşti, Đorđe, Ő")).toBe("Stefan Turcanu, Bucuresti, Dorde, O");
  });

  it("replaces characters it cannot fold with a question mark", () => {
    expect(toWinAnsiText("東京 office")).toBe("?? office");
  });

  it("maps typographic spaces and dashes to plain ones", () => {
    expect(toWinAnsiText("10\u202fEUR \u2212 5")).toBe("10 EUR - 5");
  });
});
