"""The whole site: every content type loaded together, the generated files, exports, URLs."""
