"""The `gpseeker` command (placeholder until the CLI lands)."""


def main() -> None:
    print("gpseeker")
