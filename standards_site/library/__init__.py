"""The guidance library: effective-practice guides, position statements, glossary, principles."""
