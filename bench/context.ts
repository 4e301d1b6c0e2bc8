import type { CorePlan } from "./cores";
import type { Profile } from "./options";

/** What every section of a run shares. */
export interface BenchContext {
  profile: Profile;
  cores: CorePlan;
  /** The production standalone build (`server.js`). */
  standaloneDir: string;
  /** Progress, on stderr. */
  log(message: string): void;
}
