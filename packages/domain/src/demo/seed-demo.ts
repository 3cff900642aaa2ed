import type { DomainDeps } from "../deps.ts";
import { createAccount } from "../accounts/create-account.ts";
import { createStaffUserWithPassword } from "../staff/staff-users.ts";
import { setupDistributor } from "../setup/setup-distributor.ts";
import { seedPlans } from "../plans/plan-catalog.ts";

export const DEMO_PASSWORD = "demo-password";

export interface DemoLogin {
  app: "BSS" | "Storefront";
  who: string;
  email: string;
  password: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { app: "BSS", who: "Distributor admin", email: "admin@northwind.example", password: DEMO_PASSWORD },
  { app: "BSS", who: "Distributor sales", email: "sales@northwind.example", password: DEMO_PASSWORD },
  { app: "Storefront", who: "Reseller Contoso IT Partners", email: "anna@contoso.example", password: DEMO_PASSWORD },
  { app: "Storefront", who: "Reseller Fabrikam Solutions", email: "ben@fabrikam.example", password: DEMO_PASSWORD },
  { app: "Storefront", who: "Direct customer Tailspin Toys", email: "carla@tailspin.example", password: DEMO_PASSWORD },
];

const address = (line1: string, city: string, postalCode: string, country: string) => ({
  line1,
  line2: null,
  city,
  region: null,
  postalCode,
  country,
});

/**
 * The demo instance `npm start` creates once: a distributor with an admin and
 * a sales user, two resellers (both on Basic) each with an end-customer, a
 * direct customer, and the Free and Standard reseller plans, published.
 * Returns false when the instance already has a distributor (nothing is touched).
 */
export async function seedDemo(deps: DomainDeps): Promise<boolean> {
  const created = await setupDistributor(deps, {
    companyName: "Northwind Cloud Distribution",
    email: "billing@northwind.example",
    phone: "+30 210 555 0100",
    taxId: "EL123456789",
    website: "https://northwind.example",
    currency: "EUR",
    billingAddress: address("12 Vasilissis Sofias Ave", "Athens", "10674", "GR"),
    admin: { name: "Nadia Admin", email: "admin@northwind.example", password: DEMO_PASSWORD },
  });
  if (!created) return false;
  await createStaffUserWithPassword(deps, {
    name: "Sam Sales",
    email: "sales@northwind.example",
    role: "SALES",
    password: DEMO_PASSWORD,
  });
  await seedPlans(deps, {
    published: true,
    standardPrices: [
      { currency: "EUR", unitPrice: "49.00" },
      { currency: "USD", unitPrice: "54.00" },
    ],
  });

  const resellers = [
    {
      companyName: "Contoso IT Partners",
      email: "office@contoso.example",
      contact: { firstName: "Anna", lastName: "Schmidt", email: "anna@contoso.example" },
      address: address("Friedrichstrasse 68", "Berlin", "10117", "DE"),
      endCustomer: {
        companyName: "Alpine Dental Clinics",
        email: "it@alpinedental.example",
        contact: { firstName: "Lukas", lastName: "Huber", email: "lukas@alpinedental.example" },
        address: address("Bahnhofstrasse 3", "Munich", "80335", "DE"),
      },
    },
    {
      companyName: "Fabrikam Solutions",
      email: "hello@fabrikam.example",
      contact: { firstName: "Ben", lastName: "Carter", email: "ben@fabrikam.example" },
      address: address("221 Queen Street", "Dublin", "D01 K7W2", "IE"),
      endCustomer: {
        companyName: "Harbour Logistics",
        email: "admin@harbourlogistics.example",
        contact: { firstName: "Orla", lastName: "Byrne", email: "orla@harbourlogistics.example" },
        address: address("5 Dock Road", "Cork", "T12 X8Y2", "IE"),
      },
    },
  ];
  for (const reseller of resellers) {
    const account = await createAccount(deps, {
      kind: "RESELLER",
      companyName: reseller.companyName,
      email: reseller.email,
      phone: null,
      taxId: null,
      website: null,
      currency: "EUR",
      billingAddress: reseller.address,
      primaryContact: { ...reseller.contact, phone: null, jobTitle: "IT Director" },
      primaryContactPassword: DEMO_PASSWORD,
    });
    await createAccount(deps, {
      kind: "END_CUSTOMER",
      parentId: account.id,
      companyName: reseller.endCustomer.companyName,
      email: reseller.endCustomer.email,
      phone: null,
      taxId: null,
      website: null,
      currency: "EUR",
      billingAddress: reseller.endCustomer.address,
      primaryContact: { ...reseller.endCustomer.contact, phone: null, jobTitle: null },
    });
  }
  await createAccount(deps, {
    kind: "DIRECT_CUSTOMER",
    companyName: "Tailspin Toys",
    email: "accounts@tailspin.example",
    phone: null,
    taxId: null,
    website: null,
    currency: "EUR",
    billingAddress: address("1 Market Square", "Thessaloniki", "54624", "GR"),
    primaryContact: {
      firstName: "Carla",
      lastName: "Rossi",
      email: "carla@tailspin.example",
      phone: null,
      jobTitle: "Office Manager",
    },
    primaryContactPassword: DEMO_PASSWORD,
  });
  return true;
}
