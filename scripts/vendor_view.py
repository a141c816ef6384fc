"""Regenerate ``kg/resources/view/vendor.min.js``: the graph-drawing libraries ``kg view`` inlines.

    python scripts/vendor_view.py        # needs node and npm (Debian: apt-get install npm)

Why these: sigma.js draws the graph with WebGL (thousands of nodes and edges per frame at
interactive speed, labels on a canvas above, chosen per screen cell by node size so that
zooming in shows more), graphology is the graph model sigma reads, and
graphology-layout-forceatlas2's ``worker`` runs ForceAtlas2 (Barnes-Hut) in a Web Worker made
from a Blob, which works from a ``file://`` page, so the page paints at once and the layout
improves while the reader looks. cytoscape.js was the other candidate: one file with no
dependencies, but it draws on a 2D canvas and lays out on the page's own thread (its worker
layouts are third-party extensions), which is the cost that made the old page blank for seconds.

npm fetches the exact versions below from the registry into a temporary folder; esbuild
bundles them into one minified IIFE that sets ``globalThis.KgVendor`` (so the page needs no
module loader and stays one file), without comments: the licences go beside it in
``LICENSES.txt`` (every package whose code is in the bundle) and into the page as plain text.
``vendor.json`` records each package's version, licence and the bundle's SHA-256, which
``tests/test_view.py`` checks against the file, so a hand edit of the bundle fails the tests.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "kg" / "resources" / "view"

#: what the page uses, pinned, and what they pull in, pinned too (installed at the top level, so
#: npm resolves their ranges to these): every package whose code lands in the bundle
PACKAGES = {"sigma": "3.0.3", "graphology": "0.26.0", "graphology-layout-forceatlas2": "0.10.1",
            "graphology-utils": "2.5.2", "events": "3.3.0"}
ESBUILD = "0.28.2"  # the bundler: not shipped

ENTRY = """\
import Graph from "graphology";
import Sigma from "sigma";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
globalThis.KgVendor = { Graph, Sigma, FA2Layout, inferSettings: forceAtlas2.inferSettings };
"""


def _run(*command: str, cwd: Path) -> str:
    return subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True).stdout


def _bundled(work: Path) -> list[str]:
    """The packages whose code esbuild put in the bundle (from its metafile), sorted."""
    meta = json.loads((work / "meta.json").read_text(encoding="utf-8"))
    names = set()
    for source in meta["outputs"]["vendor.min.js"]["inputs"]:
        parts = source.split("node_modules/")[-1].split("/") if "node_modules/" in source else []
        if parts:
            names.add("/".join(parts[:2]) if parts[0].startswith("@") else parts[0])
    return sorted(names)


def _licence_text(folder: Path) -> str:
    for name in ("LICENSE.txt", "LICENSE", "LICENSE.md", "license"):
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8").strip()
    raise SystemExit(f"{folder}: no licence file")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "package.json").write_text('{"name": "kg-view-vendor", "private": true}\n', encoding="utf-8")
        (work / "entry.js").write_text(ENTRY, encoding="utf-8")
        pins = [f"{name}@{version}" for name, version in PACKAGES.items()] + [f"esbuild@{ESBUILD}"]
        _run("npm", "install", "--no-audit", "--no-fund", "--save-exact", *pins, cwd=work)
        _run(str(work / "node_modules" / ".bin" / "esbuild"), "entry.js", "--bundle", "--minify", "--format=iife",
             "--legal-comments=none", "--target=es2019", "--charset=utf8", "--metafile=meta.json",
             "--outfile=vendor.min.js", cwd=work)
        bundle = (work / "vendor.min.js").read_bytes()
        records, licences = [], []
        bundled = _bundled(work)
        if set(bundled) != set(PACKAGES):
            raise SystemExit(f"the bundle holds {bundled}, not the pinned {sorted(PACKAGES)}: pin them all")
        for name in bundled:
            folder = work / "node_modules" / name
            package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
            records.append({"name": name, "version": package["version"], "license": package["license"]})
            licences.append(f"{name} {package['version']} ({package['license']})\n\n{_licence_text(folder)}\n")
        shutil.copyfile(work / "vendor.min.js", OUT / "vendor.min.js")
    manifest = {"bundle": "vendor.min.js", "sha256": hashlib.sha256(bundle).hexdigest(),
                "bundler": f"esbuild {ESBUILD}", "packages": records}
    (OUT / "vendor.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (OUT / "LICENSES.txt").write_text(("\n" + "-" * 72 + "\n\n").join(licences), encoding="utf-8")
    print(f"wrote {OUT / 'vendor.min.js'} ({len(bundle):,} bytes): "
          + ", ".join(f"{r['name']} {r['version']}" for r in records))


if __name__ == "__main__":
    main()
