"""The full-screen companion. Imported only when `coreg` opens it."""


def run_tui() -> int:
    from coreg_tui.tui.app import CoregApp

    CoregApp().run()
    return 0
