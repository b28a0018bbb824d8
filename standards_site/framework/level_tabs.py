"""A Markdown extension: rating-level tabs take their level's id as anchor.

pymdownx.tabbed names a tab after its label ("Requires improvement" becomes
`#requires-improvement`), but a rating scale's level ids are data and need not be
the label's slug. The standard page marks each tab's first paragraph with
`{ data-level="<id>" }` (attr_list); this tree processor, run after tabbed's own,
moves the id onto the tab's radio button and label, and writes the label on the
tab's block as `data-label` (the print styles show it above each level).

Each tab ends with its level's citation, a paragraph marked `{ data-citation="<id>" }`.
Indented in a tab, raw HTML would not be read as a block, so a second tree processor
turns that paragraph into the same block as "Cite this standard" has:
`<div class="citation"><pre class="citation__text"><code>…</code></pre></div>`, to which
Material adds its copy button. The text moves as it is (already escaped by the template).

Without this extension the tabs still work, with slugged ids. It imports only
Python-Markdown, so any engine that runs Markdown extensions can use it; the
`standards-site` plugin adds it to MkDocs' list.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NAME = "standards_site.framework.level_tabs"
MARKER = "data-level"
CITATION = "data-citation"


def _has_class(element: ET.Element, name: str) -> bool:
    return name in element.get("class", "").split()


def _child(element: ET.Element, tag: str, class_name: str) -> ET.Element | None:
    return next((child for child in element if child.tag == tag and _has_class(child, class_name)), None)


class LevelTabs(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for tab_set in root.iter("div"):
            if not _has_class(tab_set, "tabbed-set"):
                continue
            labels, content = _child(tab_set, "div", "tabbed-labels"), _child(tab_set, "div", "tabbed-content")
            if labels is None or content is None:
                continue
            inputs = [child for child in tab_set if child.tag == "input"]
            tabs = zip(inputs, [c for c in labels if c.tag == "label"], [c for c in content if c.tag == "div"])
            for radio, label, block in tabs:
                first = next(iter(block), None)
                if first is None or MARKER not in first.attrib:
                    continue
                level_id = first.attrib.pop(MARKER)
                radio.set("id", level_id)
                label.set("for", level_id)
                block.set("data-label", "".join(label.itertext()))


class LevelCitations(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        marked = [(parent, index, child) for parent in root.iter() for index, child in enumerate(parent)
                  if child.tag == "p" and CITATION in child.attrib]
        for parent, index, paragraph in marked:
            parent[index] = _citation_block(paragraph)


def _citation_block(paragraph: ET.Element) -> ET.Element:
    """`<p data-citation="good">text</p>` as a citation block around the same text.
    Left out of search (`data-pagefind-ignore`): the level's words are indexed in the tab."""
    paragraph.attrib.pop(CITATION)
    block = ET.Element("div", {"class": "citation citation--level",
                               "data-pagefind-ignore": "all"})
    pre = ET.SubElement(block, "pre", {"class": "citation__text"})
    code = ET.SubElement(pre, "code")
    code.text = paragraph.text
    code.extend(list(paragraph))
    block.tail = paragraph.tail
    return block


class LevelTabsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # pymdownx.tabbed gives tabs their ids at priority 4; attr_list runs at 8.
        md.treeprocessors.register(LevelTabs(md), "standards_site_level_tabs", 3)
        md.treeprocessors.register(LevelCitations(md), "standards_site_level_citations", 2)


def makeExtension(**kwargs) -> LevelTabsExtension:
    return LevelTabsExtension(**kwargs)
