"""Drives `postlint lsp` with the pygls 2.x client over stdio (see lsp.sh).

Usage: lsp_client.py POSTLINT_BINARY REPO_DIR WORK_DIR

On one social post (examples/linkedin-launch.md) and one blog post
(examples/blog-release.md), copied into WORK_DIR:
- the diagnostics' rule ids and ranges must be those `postlint check
  --format json` reports for the same file (its 1-based code-point columns
  converted to the 0-based UTF-16 positions negotiated here), and a few are
  also checked by hand;
- a quick fix and the "disable" actions, applied to the text here, must give
  the expected text, and the fixed text must lose that diagnostic;
- the latency of diagnostics after a keystroke on a 2,000-word post
  (didChange -> publishDiagnostics) is printed: the median of 10.
Exits non-zero on the first assertion that does not hold.
"""

import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def expected_from_cli(binary: str, path: Path) -> list:
    """(rule, (line, char, end line, end char)) as the CLI reports them,
    in 0-based UTF-16 positions."""
    run = subprocess.run(
        [binary, "check", str(path), "--format", "json", "--color", "never"],
        capture_output=True,
        text=True,
        cwd=path.parent,
    )
    report = json.loads(run.stdout)
    lines = path.read_text(encoding="utf-8").split("\n")

    def pos(line: int, column: int) -> tuple:
        text = lines[line - 1].rstrip("\r")
        return (line - 1, utf16_units(text[: column - 1]))

    seen = []
    for file in report["files"]:
        for post in file["posts"]:
            for f in post["findings"]:
                item = (f["rule"], pos(f["line"], f["column"]) + pos(f["end_line"], f["end_column"]))
                if item not in seen:
                    seen.append(item)
    return sorted(seen)


def offset(text: str, line: int, character: int) -> int:
    """A str index from a 0-based UTF-16 position (not the server's code)."""
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    if line >= len(starts):
        return len(text)
    i = starts[line]
    units = 0
    while i < len(text) and text[i] not in "\r\n" and units < character:
        units += utf16_units(text[i])
        i += 1
    return i


def apply(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    edits = sorted(
        edit.changes[uri],
        key=lambda e: (e.range.start.line, e.range.start.character),
        reverse=True,
    )
    for e in edits:
        start = offset(text, e.range.start.line, e.range.start.character)
        end = offset(text, e.range.end.line, e.range.end.character)
        text = text[:start] + e.new_text + text[end:]
    return text


def check(condition: bool, message: str) -> None:
    if not condition:
        print(f"FAIL: {message}", file=sys.stderr)
        sys.exit(1)


def key(d: types.Diagnostic) -> tuple:
    r = d.range
    return (d.code, (r.start.line, r.start.character, r.end.line, r.end.character))


class Session:
    def __init__(self, binary: str, cwd: Path):
        self.binary = binary
        self.cwd = cwd
        self.client = LanguageClient("postlint-integration-test", "1")
        self.published = {}
        self.waiters = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams):
            self.published[(params.uri, params.version)] = (time.perf_counter(), params.diagnostics)
            for waiter in list(self.waiters):
                if not waiter.done():
                    waiter.set_result(None)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams):
            print(f"   server says: {params.message}")

    async def start(self) -> None:
        await self.client.start_io(self.binary, "lsp", cwd=str(self.cwd))
        result = await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    general=types.GeneralClientCapabilities(
                        position_encodings=[types.PositionEncodingKind.Utf16]
                    )
                ),
                root_uri=Path(self.cwd).as_uri(),
            )
        )
        check(
            result.capabilities.position_encoding == types.PositionEncodingKind.Utf16,
            f"UTF-16 negotiated, got {result.capabilities.position_encoding}",
        )
        self.client.initialized(types.InitializedParams())

    async def diagnostics(self, uri: str, version: int) -> list:
        deadline = time.perf_counter() + 30
        while (uri, version) not in self.published:
            waiter = asyncio.get_running_loop().create_future()
            self.waiters.append(waiter)
            await asyncio.wait_for(waiter, max(0.01, deadline - time.perf_counter()))
            self.waiters.remove(waiter)
        return self.published[(uri, version)][1]

    def open(self, uri: str, text: str, language: str) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
            )
        )

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def actions(self, uri: str, diagnostic: types.Diagnostic) -> list:
        return await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        ) or []

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def show(name: str, diagnostics: list) -> None:
    print(f"   {name}: {len(diagnostics)} diagnostics")
    for code, (l, c, el, ec) in sorted(key(d) for d in diagnostics):
        print(f"     {code:<36} {l}:{c}-{el}:{ec}")


async def main(binary: str, repo: Path, work: Path) -> None:
    session = Session(binary, work)
    await session.start()

    # A social post: LinkedIn publishes it as typed.
    social = work / "linkedin-launch.md"
    shutil.copy(repo / "examples" / "linkedin-launch.md", social)
    uri = social.as_uri()
    text = social.read_text(encoding="utf-8")
    session.open(uri, text, "markdown")
    got = await session.diagnostics(uri, 1)
    show(social.name, got)
    expected = expected_from_cli(binary, social)
    check(sorted(key(d) for d in got) == expected, f"{social.name}: LSP {sorted(key(d) for d in got)} != CLI {expected}")
    by_rule = {}
    for d in got:
        by_rule.setdefault(d.code, d)
    for rule, rng in [
        ("correct.repeated-word", (5, 23, 5, 26)),
        ("strategy.shouting", (3, 52, 3, 62)),
    ]:
        check(rule in by_rule and key(by_rule[rule])[1] == rng, f"{rule} at {rng}: {by_rule.get(rule)}")
    check(all(d.source == "postlint" for d in got), "source is postlint")

    repeated = by_rule["correct.repeated-word"]
    actions = await session.actions(uri, repeated)
    fix = next((a for a in actions if a.is_preferred), None)
    check(fix is not None, f"a preferred fix for correct.repeated-word: {actions}")
    fixed = apply(text, fix.edit, uri)
    check("designed by the team in order" in fixed and "the the" not in fixed, "the fix removes the repeated word")
    print(f"   code action \"{fix.title}\" applied: 'designed by the the team' -> 'designed by the team'")
    session.change(uri, 2, fixed)
    after = await session.diagnostics(uri, 2)
    check("correct.repeated-word" not in {d.code for d in after}, "fixed: correct.repeated-word is gone")
    check(len(after) == len(got) - 1, f"only that one is gone ({len(got)} -> {len(after)})")

    shouting = next(d for d in after if d.code == "strategy.shouting")
    actions = await session.actions(uri, shouting)
    titles = [a.title for a in actions]
    check(any("review" in t for t in titles), f"a fix to review: {titles}")
    disable = next((a for a in actions if a.title.startswith("Disable strategy.shouting")), None)
    check(disable is not None, f"a disable action: {titles}")
    allowed = apply(fixed, disable.edit, uri)
    check(
        allowed.startswith(
            '---\nchannel: linkedin\npostlint:\n  allow:\n    - rule: strategy.shouting\n      text: "GUARANTEED"\n---\n'
        ),
        f"the allow entry goes into the front matter:\n{allowed[:200]}",
    )
    check(allowed.split("---\n", 2)[2] == fixed.split("---\n", 2)[2], "the body is untouched")
    print(f"   code action \"{disable.title}\" adds to the front matter: postlint: allow: - rule: strategy.shouting, text: \"GUARANTEED\"")

    # A blog post: rendered Markdown takes a comment above the line.
    blog = work / "blog-release.md"
    shutil.copy(repo / "examples" / "blog-release.md", blog)
    buri = blog.as_uri()
    btext = blog.read_text(encoding="utf-8")
    session.open(buri, btext, "markdown")
    bgot = await session.diagnostics(buri, 1)
    show(blog.name, bgot)
    bexpected = expected_from_cli(binary, blog)
    check(sorted(key(d) for d in bgot) == bexpected, f"{blog.name}: LSP {sorted(key(d) for d in bgot)} != CLI {bexpected}")
    body_start = btext.split("\n").index("---", 1) + 1
    target = next((d for d in bgot if d.range.start.line > body_start), None)
    check(target is not None, "a finding in the blog post's body")
    actions = await session.actions(buri, target)
    disable = next((a for a in actions if a.title == f"Disable {target.code} here"), None)
    check(disable is not None, f"a disable action: {[a.title for a in actions]}")
    line = target.range.start.line
    old = btext.split("\n")
    new = apply(btext, disable.edit, buri).split("\n")
    indent = old[line][: len(old[line]) - len(old[line].lstrip(" \t"))]
    check(new[line] == f"{indent}<!-- postlint-disable-next-line {target.code} -->", f"comment line: {new[line]!r}")
    check(new[:line] + new[line + 1 :] == old, "nothing else changes")
    print(f"   code action \"{disable.title}\" inserts above line {line + 1}: {new[line].strip()}")

    # Latency after a keystroke on a 2,000-word post.
    words = " ".join(btext.split("---\n", 2)[2].split())
    paragraphs = []
    count = 0
    while count < 2000:
        for sentence in words.split(". "):
            paragraphs.append(sentence.strip() + ".")
            count += len(sentence.split())
            if count >= 2000:
                break
    long_text = "---\nchannel: blog\n---\n" + "\n\n".join(
        " ".join(paragraphs[i : i + 4]) for i in range(0, len(paragraphs), 4)
    ) + "\n"
    long_path = work / "long-post.md"
    long_path.write_text(long_text, encoding="utf-8")
    luri = long_path.as_uri()
    session.open(luri, long_text, "markdown")
    await session.diagnostics(luri, 1)
    timings = []
    for version in range(2, 12):
        long_text = long_text[:-1] + ("x" if version % 2 else "") + "\n"
        sent = time.perf_counter()
        session.change(luri, version, long_text)
        await session.diagnostics(luri, version)
        timings.append((session.published[(luri, version)][0] - sent) * 1000)
    median = statistics.median(timings)
    print(
        f"   latency, keystroke -> diagnostics on a {len(long_text.split())}-word blog post: "
        f"median {median:.1f} ms of {len(timings)} (min {min(timings):.1f}, max {max(timings):.1f}); "
        f"target <= 50 ms: {'met' if median <= 50 else 'NOT met'}"
    )
    await session.stop()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])))
