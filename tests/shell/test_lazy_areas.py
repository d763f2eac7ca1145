"""Home comes first: the areas' screens are built after it, in idle time or when a resident asks for one."""

from __future__ import annotations


def test_home_is_up_before_the_areas_are_built_and_they_follow_in_idle_time(make_app, qtbot):
    app = make_app()
    assert app.navigator.current.screen_id == "home"
    assert app.navigator.count() < 5  # home and the problem page: nothing else was built before home showed
    qtbot.waitUntil(lambda: app.navigator.count() > 30, timeout=60000)  # one area per event-loop turn


def test_an_area_opened_after_switching_language_speaks_that_language(make_app, qtbot):
    app = make_app()
    app.set_language("en")
    app.flow.go("dossier")  # touched before idle time got to it: built now, in English
    assert app.navigator.current.screen_id == "dossier"
    assert app.controllers["dossier"].language == "en"
    assert app.navigator.current.title() != ""


def test_the_catalogue_is_read_after_home_and_before_the_first_area(qtbot, tmp_path):
    """As kiosk/run.py starts the app: home does not wait for the catalogue, every area finds it (issue 12)."""
    import dataclasses

    from kiosk.app import KioskApp
    from kiosk.config import default_config
    from kiosk.services.setup import build_services, load_catalogue

    config = default_config()
    config = dataclasses.replace(config, data_dir=str(tmp_path), hub=dataclasses.replace(config.hub, local_hub=False))
    app = KioskApp(config, tmp_path)
    qtbot.addWidget(app.window)
    try:
        build_services(app.ctx, catalogue=False)
        app.before_first_area(lambda: load_catalogue(app.ctx))
        app.start()
        assert app.navigator.current.screen_id == "home" and app.ctx.services.catalogue is None
        app.flow.go("procedures")  # the first area a resident opens
        assert app.ctx.services.catalogue is not None and app.ctx.services.catalogue_updates is not None
        assert app.navigator.current.screen_id == "procedures"
    finally:
        assert app.shutdown()
