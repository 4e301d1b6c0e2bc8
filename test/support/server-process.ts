// The server launcher lives with the scripts, which ship (`pnpm demo` uses
// it); tests keep importing it from here.
export * from "../../scripts/support/server-process";
