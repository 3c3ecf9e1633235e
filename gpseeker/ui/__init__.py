"""App-level state shared by the screens (no widgets here)."""
