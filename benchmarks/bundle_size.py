"""Bundle size: the gzipped JavaScript of the built web app (frontend/dist, after `npm run build`).

    .venv/bin/python -m benchmarks.bundle_size [--dist frontend/dist] [--json FILE]

Reports the JavaScript the initial load fetches before any route renders (index.html's entry
script and its static imports: target under 350 KB gzipped), the same plus each route's own chunk
and its static imports (what a first visit to that page loads), and the total of all chunks.
Lazy chunks (`import("./x.js")`) are not followed. Sizes are gzip level 9, as a server would send.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

DEFAULT_DIST = Path(__file__).resolve().parents[1] / "frontend" / "dist"
TARGET_KB = 350
# Vite's minified static imports: `import{a as b}from"./x.js"` and `import"./x.js"`; a lazy
# `import("./x.js")` has a parenthesis and does not match.
STATIC_IMPORT = re.compile(r'(?:\bfrom|\bimport)\s*"\./([^"]+\.js)"')
ENTRY = re.compile(r'<script[^>]*type="module"[^>]*src="/assets/([^"]+\.js)"')
PRELOAD = re.compile(r'<link[^>]*rel="modulepreload"[^>]*href="/assets/([^"]+\.js)"')
ROUTE_CHUNK = re.compile(r'import\("\./([A-Za-z]+View)-[^"]+\.js"\)')


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def closure(assets: Path, roots: list[str]) -> set[str]:
    """The chunks `roots` load statically, themselves included."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += STATIC_IMPORT.findall((assets / name).read_text())
    return seen


def entry_chunks(dist: Path) -> list[str]:
    html = (dist / "index.html").read_text()
    return ENTRY.findall(html) + PRELOAD.findall(html)


def route_chunks(assets: Path, entry: list[str]) -> dict[str, str]:
    """Route name (the view's file name) to its chunk, from the entry's lazy imports."""
    found: dict[str, str] = {}
    for name in entry:
        for match in ROUTE_CHUNK.finditer((assets / name).read_text()):
            found[match.group(1)] = match.group(0)[len('import("./') : -2]
    return found


def kb(assets: Path, names: set[str]) -> float:
    return sum(gzipped(assets / n) for n in names) / 1024


def measure(dist: Path) -> dict[str, float]:
    assets = dist / "assets"
    entry = entry_chunks(dist)
    initial = closure(assets, entry)
    sizes = {"initial (entry + static imports)": kb(assets, initial)}
    for view, chunk in sorted(route_chunks(assets, entry).items()):
        sizes[f"initial + {view}"] = kb(assets, initial | closure(assets, [chunk]))
    sizes["all JavaScript"] = kb(assets, {p.name for p in assets.glob("*.js")})
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST)
    parser.add_argument("--json", type=Path, help="also write the sizes (KB gzipped) here")
    args = parser.parse_args()
    sizes = measure(args.dist)
    print(f"gzipped JavaScript in {args.dist} (target: initial under {TARGET_KB} KB)")
    for name, size in sizes.items():
        print(f"{size:8.1f} KB  {name}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(sizes, indent=2) + "\n")


if __name__ == "__main__":
    main()
