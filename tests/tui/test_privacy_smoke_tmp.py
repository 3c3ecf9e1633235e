from conftest import candidate_profile, save_profile
from gpseeker.screens.privacy import PrivacyScreen

async def test_smoke(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await save_profile(app, candidate_profile())
        app.switch_mode("privacy")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrivacyScreen)
        app.save_screenshot("/tmp/pv/shot.svg")
        from textual.widgets import Static
        for w in screen.query(Static):
            print(repr(str(w.visual))[:300])
