"""What every content type shares: YAML with line numbers, errors and suggestions, rendering, URLs."""
