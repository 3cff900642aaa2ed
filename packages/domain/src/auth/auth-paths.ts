export type AuthRealm = "staff" | "shop";

export const authBasePath = (realm: AuthRealm) => `/api/auth/${realm}`;
