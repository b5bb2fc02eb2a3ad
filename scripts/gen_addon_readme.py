"""Build README.rst from readme/*.md in the layout of oca-gen-addon-readme (18.0).

Usage: python3 scripts/gen_addon_readme.py addons/<addon>  (oca-gen-addon-readme and pandoc are not
needed; the Markdown of the fragments is converted by the few rules below).
"""

import ast
import re
import sys
from pathlib import Path


def inline(line):
    line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"`\1 <\2>`__", line)
    return re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", line)


def md2rst(text):
    out = []
    for line in text.rstrip().splitlines():
        m = re.match(r"^(#{1,4}) (.*)$", line)
        if m:
            title = inline(m.group(2))
            out += [title, "~" * len(title)]
        else:
            out.append(inline(line))
    return "\n".join(out)


addon = Path(sys.argv[1])
manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
frag = {p.stem: md2rst(p.read_text()) for p in (addon / "readme").glob("*.md")}
name = manifest["name"]


def section(key, title, sub="="):
    return f"{title}\n{sub * len(title)}\n\n{frag[key]}\n\n" if key in frag else ""


lic = manifest["license"].replace("-", "--")
rst = f"""{"=" * len(name)}
{name}
{"=" * len(name)}

..
   !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
   !! Built from the readme/*.md fragments in the layout of        !!
   !! oca-gen-addon-readme: edit them, scripts/gen_addon_readme.py !!
   !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

.. |badge1| image:: https://img.shields.io/badge/licence-{lic}-blue.png
    :target: http://www.gnu.org/licenses/lgpl-3.0-standalone.html
    :alt: License: {manifest["license"]}

|badge1|

{frag["DESCRIPTION"]}

**Table of contents**

.. contents::
   :local:

{section("CONTEXT", "Use Cases / Context")}{section("INSTALL", "Installation")}{section("CONFIGURE", "Configuration")}{section("USAGE", "Usage")}{section("ROADMAP", "Known issues / Roadmap")}{section("HISTORY", "Changelog")}Credits
=======

Authors
~~~~~~~

* {manifest["author"]}

{section("CONTRIBUTORS", "Contributors", "~")}Maintainers
~~~~~~~~~~~

This module is one of the two addons (``sop_organisasi``, ``sop_survey``) of
the ``sop-organisasi`` project, branch 18.0; see ``README.md`` and ``docs/`` at
the root of the repository.
"""
(addon / "README.rst").write_text(rst)
