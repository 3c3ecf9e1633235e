"""The HTTP routes, one module per audience and area."""
