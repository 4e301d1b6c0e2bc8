import { describe, expect, it } from "vitest";
import { isIgnored, readDockerignore } from "./support/dockerignore";

function ignores(lines: string[], path: string): boolean {
  return isIgnored(path, readDockerignore(lines.join("\n")));
}

// Cases from Docker's documentation of .dockerignore and moby/patternmatcher's
// own tests: the matcher the build-context checks rely on.
describe("the .dockerignore matcher", () => {
  it("anchors a plain name at the context's root, with everything under it", () => {
    expect(ignores(["node_modules"], "node_modules")).toBe(true);
    expect(ignores(["node_modules"], "node_modules/next/package.json")).toBe(
      true,
    );
    expect(ignores(["node_modules"], "lib/node_modules")).toBe(false);
    expect(ignores(["node_modules"], "node_modules2")).toBe(false);
  });

  it("lets * and ? stand for anything within one path segment", () => {
    expect(ignores(["*.md"], "README.md")).toBe(true);
    expect(ignores(["*.md"], "docs/README.md")).toBe(false);
    expect(ignores(["*/temp*"], "somedir/temporary.txt")).toBe(true);
    expect(ignores(["*/temp*"], "a/b/temporary.txt")).toBe(false);
    expect(ignores(["temp?"], "temp1")).toBe(true);
    expect(ignores(["temp?"], "temp/")).toBe(false);
  });

  it("lets ** cross any number of folders, none included", () => {
    expect(ignores(["**/*.go"], "main.go")).toBe(true);
    expect(ignores(["**/*.go"], "a/b/main.go")).toBe(true);
    expect(ignores(["a/**/b"], "a/b")).toBe(true);
    expect(ignores(["a/**/b"], "a/x/y/b")).toBe(true);
    expect(ignores(["docs/**"], "docs/a/b.md")).toBe(true);
    expect(ignores(["**"], "anything/at/all")).toBe(true);
  });

  it("treats regular-expression characters literally", () => {
    expect(ignores(["a.b"], "a.b")).toBe(true);
    expect(ignores(["a.b"], "axb")).toBe(false);
    expect(ignores(["(x)+"], "(x)+")).toBe(true);
    expect(ignores(["file\\*"], "file*")).toBe(true);
    expect(ignores(["file\\*"], "files")).toBe(false);
  });

  it("reads character classes", () => {
    expect(ignores(["[a-c].txt"], "b.txt")).toBe(true);
    expect(ignores(["[a-c].txt"], "d.txt")).toBe(false);
    expect(ignores(["[^a-c].txt"], "d.txt")).toBe(true);
  });

  it("takes a leading ** before plain text as a suffix, as Docker does", () => {
    expect(ignores(["**/foo"], "foo")).toBe(true);
    expect(ignores(["**/foo"], "a/b/foo")).toBe(true);
    expect(ignores(["**/foo"], "a/xfoo")).toBe(false);
    expect(ignores(["**foo"], "a/xfoo")).toBe(true);
  });

  it("refuses a lone !, as Docker does", () => {
    expect(() => readDockerignore("a\n!\n")).toThrow(/illegal exclusion/);
  });

  it("cleans patterns: leading and trailing slashes, ./ and ..", () => {
    expect(ignores(["/Dockerfile"], "Dockerfile")).toBe(true);
    expect(ignores(["build/"], "build/out.js")).toBe(true);
    expect(ignores(["./dist"], "dist/x")).toBe(true);
    expect(ignores(["a/../b"], "b")).toBe(true);
  });

  it("skips comments and blank lines, and trims whitespace", () => {
    expect(ignores(["# README.md", "", "   "], "# README.md")).toBe(false);
    expect(ignores(["  README.md  "], "README.md")).toBe(true);
    expect(ignores([" # not a comment"], "# not a comment")).toBe(true);
  });

  it("lets the last matching line decide, ! lines re-including", () => {
    const lines = ["*.md", "!README*.md", "README-secret.md"];

    expect(ignores(lines, "CHANGES.md")).toBe(true);
    expect(ignores(lines, "README.md")).toBe(false);
    expect(ignores(lines, "README-secret.md")).toBe(true);
    expect(ignores([".env*", "!.env.example"], ".env.example")).toBe(false);
    expect(ignores([".env*", "!.env.example"], ".env.production")).toBe(true);
  });

  it("re-includes a file inside an ignored folder", () => {
    const lines = ["docs", "!docs/keep.md"];

    expect(ignores(lines, "docs/keep.md")).toBe(false);
    expect(ignores(lines, "docs/other.md")).toBe(true);
  });
});
