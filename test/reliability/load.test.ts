import type { RunningServer } from "../support/server-process";
import { loadSuite } from "./support/load-suite";
import { startReceiver } from "./support/receiver";

let server: RunningServer | undefined;

loadSuite({
  setting: "one production server (memory store)",
  figure: "load.oneServer",
  start: async () => {
    server = await startReceiver();
    return [server];
  },
  stop: async () => {
    await server?.stop();
  },
});
