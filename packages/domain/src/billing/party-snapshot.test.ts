import { describe, expect, it } from "vitest";
import { readPartySnapshot, type PartySnapshot } from "./party-snapshot.ts";

const party: PartySnapshot = {
  name: "Contoso Ltd",
  addressLines: ["2 Side St", "10117 Berlin"],
  country: "DE",
  email: "billing@contoso.test",
  taxId: null,
  accountNumber: "ACC-000042",
};

describe("readPartySnapshot", () => {
  it("reads a snapshot with its country field as it is", () => {
    expect(readPartySnapshot({ ...party })).toEqual(party);
    expect(readPartySnapshot({ ...party, country: null })).toEqual({ ...party, country: null });
  });

  it("takes the country of an older snapshot from its last address line", () => {
    const { country: _country, ...older } = party;

    expect(readPartySnapshot({ ...older, addressLines: ["2 Side St", "10117 Berlin", "DE"] })).toEqual(party);
  });

  it("leaves an older snapshot's address alone when its last line is no country code", () => {
    const { country: _country, ...older } = party;

    expect(readPartySnapshot({ ...older, addressLines: ["2 Side St", "10117 Berlin"] })).toEqual({
      ...party,
      country: null,
    });
    expect(readPartySnapshot({ ...older, addressLines: [] })).toEqual({ ...party, addressLines: [], country: null });
  });
});
