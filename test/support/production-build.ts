// The build helper lives with the scripts, which ship (`pnpm demo` uses it);
// tests keep importing it from here.
export * from "../../scripts/support/production-build";
