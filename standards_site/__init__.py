"""A generator of static sites for an inspectorate's standards and effective practice.

Content (standards frameworks, guidance, inspections) is kept as YAML and Markdown
and rendered into pages. One subpackage per content type, each with its model,
loading and pages; a core they share; and the MkDocs adapter, the only code that
imports MkDocs:

- `core`: YAML with line numbers, errors and suggestions, rendering, URLs;
- `framework`: editions, domains, standards and their rating characteristics;
- `library`: guides, position statements, glossary and principles;
- `inspections`: inspection reports, recommendations and action plans;
- `site`: the whole site's content, generated files, exports and URL manifest;
- `macros`: the macros authors call on hand-written pages (mkdocs-macros);
- `mkdocs`: the MkDocs adapter;
- `cli`: the `standards-site` command.
"""
