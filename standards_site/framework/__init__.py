"""The standards framework: editions, domains, standards, rating scales and characteristics.

Each module names what it holds: `model` (the typed edition and standard), `loading`
(reading `standards/<edition>/`), `checks` (rules across an edition), `editions`
(look-ups across editions), `crosswalk` (how standards moved between editions),
`pages` and `history_pages` (generated pages).
"""
