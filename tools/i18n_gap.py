"""Measure which of the code's messages have a Japanese template in the catalogue.

    .venv/bin/python tools/i18n_gap.py [-v] [--readme]

A rough static scan: the AST of every module of jpdocs/ (the app's own catalogue
aside) is searched for the calls that make a message a user reads (Problem(...),
problem(...), fail(...), note(...), warn(...), a validator's ValueError(...), a
layout fault's explain(), and the command line's print/message_line). Each message argument
written as a string or an f-string becomes a template (an f-string's {expression} a
hole); it is *covered* when the catalogue (jpdocs/locale/ja/LC_MESSAGES/jpdocs.po)
has a template that the same text, with sample values in its holes, matches whole. A
message made elsewhere (a variable, a join) cannot be read this way and is counted
apart ("opaque").

It prints, per module, the templates found and covered, and with -v the ones
left; with --readme, the README's table of the measure ("now") and its counts of the
messages the scan cannot read and of those it reports as left, as the README writes them. tests/test_i18n.py uses `scan()` to hold the modules that are covered in full,
and the total.
"""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jpdocs"
sys.path.insert(0, str(ROOT))

# which argument of a call is the message
MESSAGE_ARG = {"Problem": 3, "problem": 1, "fail": 1, "note": 1, "warn": 0, "ValueError": 0, "message_line": 1,
               "at": 1}        # at(key, message): style_checks.py's annual findings
# modules whose messages are not for the user of the documents (the catalogue's own
# reader; the app's fixed messages, which have their own catalogue)
SKIP = {"i18n.py"}
SKIP_FOLDERS = {"app"}
# ValueErrors that say a programmer passed a wrong argument (never reach a reader)
INTERNAL = ("() takes", "() needs", "unknown digit style", "unknown calendar", "unknown weekday form",
            "unknown clock", "unknown span", "unknown time notation", "a table row has more cells")
# the command line's print() lines (cli/) that are output, not messages (a file written)
OUTPUT_LINES = ("wrote ",)


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _templates(node: ast.expr) -> list[str] | None:
    """The English template(s) an expression writes, holes as {h}; None if it is
    not written out here (a variable, a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        out = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                out = [o + part.value for o in out]
            else:
                out = [o + "{h}" for o in out]
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _templates(node.left), _templates(node.right)
        if left is None and right is None:
            return None
        left, right = left or ["{h}"], right or ["{h}"]
        return [a + b for a in left for b in right]
    if isinstance(node, ast.IfExp):
        a, b = _templates(node.body), _templates(node.orelse)
        if a is None and b is None:
            return None
        return (a or ["{h}"]) + (b or ["{h}"])
    return None


def messages_in(path: Path) -> tuple[list[tuple[int, str]], int]:
    """(line, template) of each message written out in the module, and how many
    message arguments could not be read as text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, opaque = [], 0
    is_cli = path.parent == PACKAGE / "cli"          # the command line: its print() and message_line() are messages
    for node in ast.walk(tree):
        # a layout fault's message is what its explain() returns (errors.LayoutProblem)
        if isinstance(node, ast.FunctionDef) and node.name == "explain":
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and ret.value is not None:
                    texts = _templates(ret.value)
                    found += [(ret.lineno, t) for t in texts or []]
                    opaque += texts is None
            continue
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "print" and is_cli:
            at = 0
        elif name in MESSAGE_ARG and (name != "message_line" or is_cli):
            at = MESSAGE_ARG[name]
        else:
            continue
        arg = next((k.value for k in node.keywords if k.arg == "message"), None)
        if arg is None and len(node.args) > at and not isinstance(node.args[at], ast.Starred):
            arg = node.args[at]
        if arg is None:
            continue
        if name == "print" and isinstance(arg, ast.Call):
            continue                     # print(message_line(…)), print(say.message(…)): counted at message_line / the message
        texts = _templates(arg)
        if texts is None:
            opaque += 1
            continue
        for text in texts:
            if name == "ValueError" and any(s in text for s in INTERNAL):
                continue
            # a line of holes alone (f"{label} {path}": a translated word and a file) says nothing to translate
            if name == "print" and (text.startswith(OUTPUT_LINES) or not text.replace("{h}", "").strip()):
                continue
            if name == "print":          # the command line's own word: error: …, warning: …
                for word in ("error: ", "warning: ", "note: "):
                    if text.startswith(word):
                        text = text[len(word):]
                        break
            found.append((node.lineno, text))
    return found, opaque


def modules() -> list[Path]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if path.name in SKIP or (rel.parts and rel.parts[0] in SKIP_FOLDERS):
            continue
        out.append(path)
    return out


def covered(template: str, templates) -> bool:
    """The template, holes filled with sample text, matches a catalogue template whole."""
    sample = template.replace("{h}", "ＸＸ")
    return templates.match(sample) is not None


def scan():
    """{module (relative to jpdocs/): (covered, left, opaque)} with covered and left
    lists of (line, template), and the catalogue's template count."""
    from jpdocs import i18n
    templates = i18n.templates("ja")
    out = {}
    for path in modules():
        found, opaque = messages_in(path)
        done = [(n, t) for n, t in found if covered(t, templates)]
        left = [(n, t) for n, t in found if not covered(t, templates)]
        out[str(path.relative_to(PACKAGE))] = (done, left, opaque)
    return out, len(templates.entries)


# the catalogue's sections (# -- … -- comments) that hold help texts and usage messages,
# by how their heading begins; every other section's templates are messages
HELP_SECTION, USAGE_SECTION = "# -- --help:", "# -- wrong usage:"


def catalogue_kinds(po: Path = PACKAGE / "locale" / "ja" / "LC_MESSAGES" / "jpdocs.po") -> dict[str, int]:
    """How many templates the catalogue holds of each kind: messages, help texts (the
    --help section) and usage messages (the wrong-usage section), counted as the
    catalogue compiles them (an empty msgid or msgstr is no template)."""
    from jpdocs import i18n
    counts, kind, chunk = defaultdict(int), "messages", []

    def count(lines: list[str], kind: str) -> None:
        found = i18n.read_po("\n".join(lines))
        counts[kind] += sum(1 for msgid, msgstr in found.items() if msgid and msgstr)

    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith("# -- "):
            count(chunk, kind)
            chunk = []
            kind = ("help texts" if line.startswith(HELP_SECTION) else
                    "usage messages" if line.startswith(USAGE_SECTION) else "messages")
        chunk.append(line)
    count(chunk, kind)
    return dict(counts)


def readme(result: dict, catalogue: int) -> str:
    """The README's table of the measure, its "now" column from this scan."""
    kinds = catalogue_kinds()
    done = sum(len(d) for d, _, _ in result.values())
    left = sum(len(x) for _, x, _ in result.values())
    opaque = sum(o for _, _, o in result.values())
    total = done + left
    parts = ", ".join(f"{kinds.get(k, 0)} {k}" for k in ("messages", "help texts", "usage messages"))
    return (f"| templates in the catalogue | 139 | {catalogue} ({parts}) |\n"
            f"| messages written out in the code that a template covers | 30 of 210 (14%) |"
            f" {done} of {total} ({round(100 * done / max(total, 1))}%) |\n"
            f"\nmessages the scan cannot read: {opaque}; reported as left: {left}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    result, catalogue = scan()
    if "--readme" in argv:
        print(readme(result, catalogue))
        return 0
    totals = defaultdict(int)
    print(f"{'module':32} {'messages':>8} {'covered':>8} {'left':>5} {'opaque':>7}")
    for module, (done, left, opaque) in result.items():
        if not (done or left or opaque):
            continue
        print(f"{module:32} {len(done) + len(left):8} {len(done):8} {len(left):5} {opaque:7}")
        totals["done"] += len(done)
        totals["left"] += len(left)
        totals["opaque"] += opaque
        if verbose:
            for n, t in left:
                print(f"    {n}: {t}")
    total = totals["done"] + totals["left"]
    print(f"{'total':32} {total:8} {totals['done']:8} {totals['left']:5} {totals['opaque']:7}")
    print(f"catalogue templates: {catalogue}; messages in the code covered: {totals['done']} of {total}"
          f" ({100 * totals['done'] / max(total, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
