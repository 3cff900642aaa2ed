import { SimulatorAdmin, startSimulator, type RunningSimulator } from "@cm/bittitan-sim";
import type { Harness } from "./harness.ts";

export const SIM_API_KEY = "domain-test-api-key";
const SIM_ADMIN_TOKEN = "domain-test-admin-token";

export interface TestBitTitan {
  sim: RunningSimulator;
  admin: SimulatorAdmin;
  close(): Promise<void>;
}

/** The real BitTitan simulator on a loopback port. */
export async function startTestBitTitan(): Promise<TestBitTitan> {
  const sim = await startSimulator({ host: "127.0.0.1", port: 0, apiKey: SIM_API_KEY, adminToken: SIM_ADMIN_TOKEN });
  return { sim, admin: new SimulatorAdmin(sim.url, SIM_ADMIN_TOKEN), close: () => sim.close() };
}

/** Activates the Service Manager against the simulator and imports the services definition, as staff would. */
export async function connectBitTitan(harness: Harness, bittitan: TestBitTitan): Promise<void> {
  const staff = await harness.staff();
  await staff.bss.bittitan.activate({ baseUrl: bittitan.sim.url, apiKey: SIM_API_KEY });
  await staff.bss.bittitan.importServicesDefinition();
}

/** Creates the partner at BitTitan and synchronizes the account with it. */
export async function synchronize(
  harness: Harness,
  bittitan: TestBitTitan,
  accountId: string,
  email: string,
): Promise<void> {
  const password = `Tier2-${email}`;
  await bittitan.admin.createPartner({ email, password, companyName: email });
  const staff = await harness.staff();
  await staff.bss.bittitan.synchronizeAccount({ accountId, email, password });
}
