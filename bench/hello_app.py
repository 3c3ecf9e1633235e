"""A minimal Textual app: the floor that gpseeker's first paint is compared with."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("HELLO-GPSEEKER")
        yield Footer()


if __name__ == "__main__":
    Hello().run()
