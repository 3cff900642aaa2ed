// Prisma turns `contains` and case-insensitive `equals` into (I)LIKE on
// PostgreSQL without escaping the value, so `%` and `_` in a name or a search
// act as wildcards and a trailing backslash is an invalid pattern (a 500).
// These escape the pattern characters: what a person typed matches literally.

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** Case-insensitive "contains", literally. */
export const containsText = (text: string) => ({ contains: escapeLike(text), mode: "insensitive" as const });

/** Case-sensitive "contains", literally. */
export const containsExactly = (text: string) => ({ contains: escapeLike(text) });

/** Case-insensitive equality ("Gold" = "gold"), literally. */
export const equalsIgnoringCase = (text: string) => ({ equals: escapeLike(text), mode: "insensitive" as const });
