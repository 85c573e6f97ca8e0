"""The example site. A package only so that the tests can import its importer
(site_example.seed_import) and site_example/zensical_build.py; MkDocs reads none of this."""
