"""The test suite. A package, as each of its layers (transform, build, site, browser), so that
test modules import their helpers relatively (``from .fitcheck import settle``) and pytest
imports them by their place (``tests.browser.test_fit_zoom``): no project file edits ``sys.path``
(pytest puts the repository root on it, as for any package of tests)."""
