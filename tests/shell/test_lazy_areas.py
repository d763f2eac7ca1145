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
