import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ROOT } from "../children";
import { onCore } from "../cores";

/** The bare node:http floor, started on `core`. */
export async function startBare(core: number | null) {
  const script = fileURLToPath(new URL("bare-server.ts", import.meta.url));
  const [command, args] = onCore(core, process.execPath, [
    "--import",
    "tsx",
    script,
  ]);
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });

  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.once("exit", (code) =>
      reject(new Error(`bare server exited ${code}`)),
    );
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
