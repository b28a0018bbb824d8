"""This site's mkdocs-macros module (`module_name: macros` in mkdocs.yml).

It holds no code of its own: the macros authors call on hand-written pages
(`standard_link`, `characteristics_table`, `rating`, ...) come with the generator,
`standards_site.macros`. A site that wants macros of its own defines them here.
"""

from standards_site.macros import define_env as _define_generator_macros


def define_env(env) -> None:
    _define_generator_macros(env)
