import { randomBytes } from "node:crypto";

/** The secret and admin token generated for one demo run. */
export interface Credentials {
  secret: string;
  adminToken: string;
}

/**
 * Fresh random credentials in lowercase hex: printed in commands to copy,
 * they must never start with `-` (an option parser would take the value for
 * another option) nor hold characters a shell treats specially.
 */
export function newCredentials(): Credentials {
  return {
    secret: randomBytes(32).toString("hex"),
    adminToken: randomBytes(24).toString("hex"),
  };
}
